using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Model.Costs;

namespace MemQuest.Scenarios.Tests.Shell;

public sealed class ConsoleLineTests
{
    [Theory]
    [InlineData("cat /proc/meminfo")]
    [InlineData("cat /etc/billing-api/billing-api.conf")]
    [InlineData("echo 3 > /proc/sys/vm/drop_caches")]
    [InlineData("sync; echo 3 > /proc/sys/vm/drop_caches")]
    [InlineData("echo -500 > /proc/$(pidof postgres)/oom_score_adj")]
    [InlineData("sysctl -w vm.overcommit_memory=1")]
    [InlineData("sysctl vm.overcommit_memory vm.overcommit_ratio")]
    [InlineData("systemctl status postgresql")]
    [InlineData("systemctl restart billing-api")]
    [InlineData("systemctl set-environment billing-api MALLOC_ARENA_MAX=2")]
    [InlineData("journalctl -u reportd -n 5")]
    [InlineData("journalctl -k")]
    [InlineData("edit /etc/reportd/reportd.conf memory_check MemAvailable")]
    [InlineData("modprobe netcap buf_alloc=vmalloc")]
    [InlineData("modprobe -r netcap")]
    [InlineData("lsmod")]
    [InlineData("heaptrack -p 4242")]
    [InlineData("valgrind --leak-check=full billing-api")]
    [InlineData("top -b -n 1")]
    [InlineData("pidof postgres")]
    [InlineData("hint buy")]
    [InlineData("objectives")]
    [InlineData("help")]
    [InlineData("cat /proc/buddyinfo | grep Normal && echo ok")]
    [InlineData("echo 'two words' > /dev/null")]
    public void Canonical_CanonicalLine_FormatsBackIdentically(string line) =>
        Assert.Equal(line, ConsoleLine.Canonical(line));

    [Theory]
    [InlineData("  systemctl   restart\tbilling-api  ", "systemctl restart billing-api")]
    [InlineData("echo 3 >/proc/sys/vm/drop_caches", "echo 3 > /proc/sys/vm/drop_caches")]
    [InlineData("sync ;echo 1 > /proc/sys/vm/drop_caches", "sync; echo 1 > /proc/sys/vm/drop_caches")]
    [InlineData("echo \"two words\"", "echo 'two words'")]
    public void Canonical_SloppyLine_Normalizes(string line, string canonical)
    {
        Assert.Equal(canonical, ConsoleLine.Canonical(line));
        Assert.Equal(canonical, ConsoleLine.Canonical(canonical!));
    }

    [Fact]
    public void Canonical_UnterminatedQuote_IsNull() => Assert.Null(ConsoleLine.Canonical("echo 'oops"));

    [Theory]
    [InlineData("cat /proc/meminfo", new ActionKind[0])]
    [InlineData("sync; echo 3 > /proc/sys/vm/drop_caches", new[] { ActionKind.DropCaches })]
    [InlineData("echo 1 > /proc/sys/vm/compact_memory", new[] { ActionKind.CompactMemory })]
    [InlineData("echo -500 > /proc/$(pidof postgres)/oom_score_adj", new[] { ActionKind.OomScoreAdj })]
    [InlineData("sysctl -w vm.swappiness=10", new[] { ActionKind.Sysctl })]
    [InlineData("sysctl vm.swappiness", new ActionKind[0])]
    [InlineData("systemctl restart a; systemctl stop b", new[] { ActionKind.Restart, ActionKind.Stop })]
    [InlineData("systemctl status a", new ActionKind[0])]
    [InlineData("edit /etc/x.conf k v", new[] { ActionKind.Edit })]
    [InlineData("modprobe -r netcap", new[] { ActionKind.Modprobe })]
    [InlineData("systemctl set-environment MALLOC_ARENA_MAX=2", new[] { ActionKind.Environment })]
    public void Actions_Line_ClassifiedForTheCostTable(string line, ActionKind[] expected) =>
        Assert.Equal(expected, ConsoleLine.Actions(line));

    [Fact]
    public void GameCommandNames_HasGameToolsButNotLabHelpers()
    {
        foreach (string name in new[] { "systemctl", "journalctl", "edit", "modprobe", "heaptrack", "valgrind", "hint", "objectives", "top", "cat", "echo", "sysctl" })
            Assert.Contains(name, ConsoleLine.GameCommandNames);
        Assert.DoesNotContain("pages", ConsoleLine.GameCommandNames);
        Assert.DoesNotContain("tick", ConsoleLine.GameCommandNames);
    }
}
