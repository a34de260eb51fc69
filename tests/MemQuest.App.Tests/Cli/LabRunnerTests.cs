using MemQuest.App.Cli;

namespace MemQuest.App.Tests.Cli;

public sealed class LabRunnerTests
{
    private static (int Exit, string Out, string Err) RunLab(string script, bool keepGoing = false, long memBytes = 256L << 20)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var runner = new LabRunner(stdout, stderr);
        var shell = runner.Boot(new LabOptions(memBytes, 2, 0, 1, keepGoing, "-"));
        int exit = runner.RunScript(shell, new StringReader(script), keepGoing);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Script_EchoesEachLineThenItsOutput_SkipsBlankAndComments()
    {
        var (exit, output, err) = RunLab("# a comment\n\nsysctl vm.swappiness\n  echo hi  \n");
        Assert.Equal(0, exit);
        Assert.Equal("$ sysctl vm.swappiness\nvm.swappiness = 60\n$ echo hi\nhi\n", output);
        Assert.Equal("", err);
    }

    [Fact]
    public void Script_FailingCommand_StopsWithExit1_AndPrintsToolErrorInTranscript()
    {
        var (exit, output, err) = RunLab("echo 7 > /proc/sys/vm/drop_caches\necho never\n");
        Assert.Equal(1, exit);
        Assert.Equal("$ echo 7 > /proc/sys/vm/drop_caches\nbash: echo: write error: Invalid argument\n", output);
        Assert.Equal("", err);
    }

    [Fact]
    public void Script_KeepGoing_RunsTheRestButStillExits1()
    {
        var (exit, output, _) = RunLab("echo 7 > /proc/sys/vm/drop_caches\necho after\n", keepGoing: true);
        Assert.Equal(1, exit);
        Assert.EndsWith("$ echo after\nafter\n", output);
    }

    [Theory]
    [InlineData("echo ok\nfrobnicate now\n", 2, "memquest lab: line 2: frobnicate: command not found")]
    [InlineData("\n# c\npages alloc banana\n", 3, "memquest lab: line 3: pages: ORDER must be")]
    [InlineData("tick 0\n", 1, "memquest lab: line 1: tick takes one whole number")]
    public void Script_UnknownCommandOrBadHelperFlags_Exit2WithLineNumberOnStderr(string script, int line, string expected)
    {
        var (exit, _, err) = RunLab(script, keepGoing: true);
        Assert.Equal(2, exit);
        Assert.StartsWith(expected, err);
        Assert.Contains($"line {line}:", err);
    }

    [Theory] // a lab script ends like a shell script: `exit N`, or `exit` with the last command's status
    [InlineData("echo a\nexit\necho never\n", 0, "$ echo a\na\n$ exit\n")]
    [InlineData("echo a\nexit 3\necho never\n", 3, "$ echo a\na\n$ exit 3\n")]
    [InlineData("echo 7 > /proc/sys/vm/drop_caches\nquit\n", 1, "$ echo 7 > /proc/sys/vm/drop_caches\nbash: echo: write error: Invalid argument\n$ quit\n")]
    public void Script_Exit_EndsTheScriptWithItsStatus(string script, int expectedExit, string expectedOut)
    {
        var (exit, output, err) = RunLab(script, keepGoing: true);
        Assert.Equal(expectedExit, exit);
        Assert.Equal(expectedOut, output);
        Assert.Equal("", err);
    }

    [Theory]
    [InlineData("exit banana\n", "memquest lab: line 1: exit: banana: numeric argument required")]
    [InlineData("exit 256\n", "memquest lab: line 1: exit: 256: numeric argument required")]
    [InlineData("exit 1 2\n", "memquest lab: line 1: exit: too many arguments")]
    public void Script_ExitWithBadStatus_Exit2AndSaysWhatToWrite(string script, string expected)
    {
        var (exit, _, err) = RunLab(script);
        Assert.Equal(2, exit);
        Assert.StartsWith(expected, err);
    }

    [Fact]
    public void Script_SameInputTwice_SameBytes()
    {
        const string script = "pages alloc 0 3\npages alloc 4 --migratetype reclaimable\ncat /proc/buddyinfo\ncat /proc/pagetypeinfo\ntick 5\ncat /proc/zoneinfo\n";
        Assert.Equal(RunLab(script).Out, RunLab(script).Out);
    }

    [Fact] // issue 3: --mem 24684084k gives MemTotal 24684084 kB exactly
    public void Boot_MemFlagInKb_GivesExactMemTotal()
    {
        var (_, output, _) = RunLab("cat /proc/meminfo | head -1\n", memBytes: 24684084L * 1024);
        Assert.Equal("$ cat /proc/meminfo | head -1\nMemTotal:       24684084 kB\n", output);
    }

    [Theory]
    [InlineData("24684084k", 24684084L * 1024)]
    [InlineData("4G", 4L << 30)]
    [InlineData("4g", 4L << 30)]
    [InlineData("512MiB", 512L << 20)]
    [InlineData("1t", 1L << 40)]
    [InlineData("8192", 8192L)]
    public void SizeParser_AcceptsBytesAndBinaryUnits(string text, long bytes)
    {
        Assert.True(SizeParser.TryParseBytes(text, out long parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("4x")]
    [InlineData("-1G")]
    [InlineData("G")]
    [InlineData("99999999999999999999")]
    public void SizeParser_RejectsGarbage(string text) => Assert.False(SizeParser.TryParseBytes(text, out _));
}
