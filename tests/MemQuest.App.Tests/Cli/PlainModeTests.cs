// `memquest --plain` (and no terminal at all) gives the line console, never a hang.
using System.Diagnostics;

namespace MemQuest.App.Tests.Cli;

public sealed class PlainModeTests
{
    [Fact]
    public void PlainFlag_ScriptOnStdin_RunsTheLineConsoleAndExits()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "memquest.dll");
        var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" --plain") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        p.StandardInput.Write("sysctl vm.swappiness\n");
        p.StandardInput.Close();
        string output = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        Assert.True(p.WaitForExit(60_000), "memquest --plain did not exit");
        Assert.Equal(0, p.ExitCode);
        Assert.Contains("vm.swappiness = 60", output);
    }
}
