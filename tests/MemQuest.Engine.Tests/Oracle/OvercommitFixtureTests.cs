// overcommit.json: the probe's outcomes in modes 0, 1, 2 (switched before and inside the probe) on a
// box of the oracle's size whose other processes have committed what the fixture's meminfo showed.
using System.Text.Json;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Sysctl;
using MemQuest.Engine.Tests.Mm;

namespace MemQuest.Engine.Tests.Oracle;

public sealed class OvercommitFixtureTests
{
    [Theory]
    [InlineData("mode0")]
    [InlineData("mode1")]
    [InlineData("mode2")]
    [InlineData("mode2_inside")]
    public void OvercommitJson_Mode_GivesTheKernelsAdmissions(string run)
    {
        JsonElement fx = OracleFixture.Load("overcommit.json").GetProperty("outputs").GetProperty(run);
        var box = new MmTestBox(MmTestBox.OracleMemTotalKb);
        Process probe = box.Bare("overcommit");
        Process rest = box.Bare("rest-of-system");
        long wantCommittedKb = fx.GetProperty("before").GetProperty("Committed_AS_kb").GetInt64();
        Assert.True(box.Vm.MmapAnon(rest, (wantCommittedKb - box.CommittedKb) * 1024, writable: true, noReserve: false) > 0);
        Assert.Equal(wantCommittedKb, box.CommittedKb);
        Assert.Equal(Errno.Ok, box.Machine.Sysctls.Write("overcommit_memory", fx.GetProperty("overcommit_memory").GetInt64().ToString()));
        Assert.Equal(fx.GetProperty("before").GetProperty("CommitLimit_kb").GetInt64(), Units.K(box.Vm.Commit.CommitLimitPages()));
        if (fx.TryGetProperty("bisect", out JsonElement bisect))
        {
            Assert.True(TryMap(box, probe, bisect.GetProperty("largest_ok_pages").GetInt64() * 4096, false, true));
            Assert.False(TryMap(box, probe, bisect.GetProperty("first_fail_pages").GetInt64() * 4096, false, true));
        }
        foreach (JsonElement t in fx.GetProperty("tries").EnumerateArray())
        {
            string what = t.GetProperty("what").GetString()!;
            bool ok = TryMap(box, probe, t.GetProperty("bytes").GetInt64(), what.Contains("NORESERVE"), !what.Contains("read-only"));
            Assert.Equal(t.GetProperty("result").GetString() == "OK", ok);
        }
        Assert.Equal(fx.GetProperty("after").GetProperty("Committed_AS_kb").GetInt64(), box.CommittedKb);
        Assert.Equal(fx.GetProperty("after").GetProperty("self_VmStk_kb").GetInt64(), Units.K(probe.Mm!.StackVmPages));
    }

    [Fact]
    public void OvercommitJson_Mode0KernelLog_SameRefusalsPrintTheSameLinesTenAtMost()
    {
        // mode0.kernel_log: the first ten refusals of the bisection (burst 10 of pr_warn_ratelimited), each
        // "__vm_enough_memory: pid: N, comm: overcommit, bytes: B not enough memory for the allocation"
        JsonElement fx = OracleFixture.Load("overcommit.json").GetProperty("outputs").GetProperty("mode0");
        string[] logged = fx.GetProperty("kernel_log").EnumerateArray().Select(l => l.GetString()!)
            .Where(l => l.Contains(" bytes: ")).ToArray();
        Assert.Equal(10, logged.Length);
        var box = new MmTestBox(MmTestBox.OracleMemTotalKb);
        Process probe = box.Bare("overcommit");
        int oraclePid = fx.GetProperty("pid").GetInt32();
        long before = box.Machine.Kmsg.Written;
        foreach (string line in logged)
        {
            long bytes = long.Parse(line.Split("bytes: ")[1].Split(' ')[0]);
            Assert.False(TryMap(box, probe, bytes, false, true));
        }
        Assert.False(TryMap(box, probe, fx.GetProperty("bisect").GetProperty("first_fail_bytes").GetInt64(), false, true));
        Assert.Equal(10, box.Machine.Kmsg.Written - before);        // the eleventh refusal in the window is suppressed
        string[] printed = box.Machine.Kmsg.Lines.TakeLast(10).Select(l => l[(l.IndexOf("] ", StringComparison.Ordinal) + 2)..]).ToArray();
        Assert.Equal(logged.Select(l => l.Replace($"pid: {oraclePid},", $"pid: {probe.Pid},", StringComparison.Ordinal)), printed);
    }

    private static bool TryMap(MmTestBox box, Process p, long bytes, bool noReserve, bool writable)
    {
        long addr = box.Vm.MmapAnon(p, bytes, writable, noReserve);
        if (addr < 0) return false;
        Assert.Equal(Errno.Ok, box.Vm.Munmap(p, addr, bytes));
        return true;
    }
}
