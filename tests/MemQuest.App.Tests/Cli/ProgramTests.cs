// The real `memquest` program as a user runs it: exit codes and streams of the CLI.
using System.Diagnostics;

namespace MemQuest.App.Tests.Cli;

public sealed class ProgramTests
{
    private static (int Exit, string Out, string Err) Memquest(string args, string stdin = "")
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "memquest.dll");
        var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" {args}")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        string output = p.StandardOutput.ReadToEnd();
        string err = p.StandardError.ReadToEnd();
        Assert.True(p.WaitForExit(60_000), "memquest did not exit");
        return (p.ExitCode, output, err);
    }

    [Fact]
    public void Lab_ScriptFromStdin_PrintsTranscript()
    {
        var (exit, output, err) = Memquest("lab --mem 64M -", "cat /proc/buddyinfo | wc -l\n");
        Assert.Equal(0, exit);
        Assert.Equal("$ cat /proc/buddyinfo | wc -l\n2\n", output);
        Assert.Equal("", err);
    }

    [Theory]
    [InlineData("lab --mem lots -", "memquest lab: --mem 'lots' is not a size")]
    [InlineData("lab --mem 1000 -", "memquest lab: --mem 1000 is not a whole number of 4 KiB pages")]
    [InlineData("lab --mem 1M -", "memquest lab: --mem must be between")]
    [InlineData("lab --cpus 0 -", "memquest lab: --cpus 0 is out of range")]
    [InlineData("lab --bogus", "memquest lab: unknown option '--bogus'")]
    [InlineData("frobnicate", "memquest: Unrecognized command or argument 'frobnicate'")]
    [InlineData("lab /nonexistent/script.txt", "memquest lab: cannot open script '/nonexistent/script.txt'")]
    public void BadFlags_Exit2WithMessage(string args, string expected)
    {
        var (exit, output, err) = Memquest(args);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith(expected, err);
    }

    [Fact]
    public void NoTerminal_NoArgs_DoesNotHang()
    {
        var (exit, output, _) = Memquest("", "sysctl vm.swappiness\n");
        Assert.Equal(0, exit);
        Assert.Contains("vm.swappiness = 60", output);
    }
}
