using MemQuest.Engine.Mm;
using MemQuest.Engine.Oom.Control;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Procfs;

namespace MemQuest.Engine.Tests.Procfs;

public sealed class OomReportTests
{
    // kernel-spec §14.5 / §19 facts 62-63: total_vm 73357, anon 12706, file 1824, shmem 0, pgtables 180224 B
    private static Process Python3() => new(1234, "python3", 1, new MmStruct
    {
        TotalVmPages = 73357, RssAnonPages = 12706, RssFilePages = 1824, RssShmemPages = 0, PgtablesBytes = 180224,
    }) { Uid = 1000 };

    [Fact]                         // kernel-spec §19 fact 63
    public void TaskLine_Fact63_ByteForByte() =>
        Assert.Equal("[   1234]  1000  1234    73357    14530    12706     1824         0   180224        0             0 python3",
            OomReport.TaskLine(Python3()));

    [Fact]                         // kernel-spec §19 fact 62
    public void KilledLine_Fact62_ByteForByte() =>
        Assert.Equal("Out of memory: Killed process 1234 (python3) total-vm:293428kB, anon-rss:50824kB, file-rss:7296kB, shmem-rss:0kB, UID:1000 pgtables:176kB oom_score_adj:0",
            OomReport.KilledLine(OomReport.GlobalPrefix, Python3()));

    [Fact]
    public void KilledLine_MemcgPrefixAndNegativeAdj()
    {
        Process p = Python3();
        p.OomScoreAdj = -17;
        Assert.StartsWith("Memory cgroup out of memory: Killed process 1234 (python3) total-vm:293428kB,", OomReport.KilledLine(OomReport.MemcgPrefix, p));
        Assert.EndsWith("pgtables:176kB oom_score_adj:-17", OomReport.KilledLine(OomReport.MemcgPrefix, p));
    }

    [Fact]                         // kernel-spec §14.5 line 1 example
    public void Header_SpecExample_ByteForByte() =>
        Assert.Equal("python3 invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0",
            OomReport.Header("python3", GfpFlags.GfpHighuserMovable | GfpFlags.Comp, 0, 0));

    [Fact]                         // issue 7: memcg OOMs report GFP_KERNEL
    public void Header_MemcgCharge_GfpKernel() =>
        Assert.Equal("stress invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=-300",
            OomReport.Header("stress", GfpFlags.GfpKernel, 0, -300));

    [Fact]                         // kernel-spec §14.5 line 3 header
    public void TaskTableHeader_ByteForByte()
    {
        Assert.Equal("Tasks state (memory values in pages):", OomReport.TasksStateLine);
        Assert.Equal("[  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes swapents oom_score_adj name", OomReport.TaskTableHeader);
    }

    [Fact]
    public void TaskLine_WideValuesAndNegativeAdj_KeepKernelWidths()
    {
        var p = new Process(4194303, "stress-ng-vm", 1, new MmStruct
        {
            TotalVmPages = 123456789, RssAnonPages = 2000000, RssFilePages = 5, RssShmemPages = 7, PgtablesBytes = 123456789, SwapEntsPages = 42,
        }) { Uid = 65534, OomScoreAdj = -1000 };
        Assert.Equal("[4194303] 65534 4194303 123456789  2000012  2000000        5         7 123456789       42         -1000 stress-ng-vm",
            OomReport.TaskLine(p));
    }

    [Fact]                         // kernel-spec §14.5 line 4 example
    public void ConstraintLine_Global_SpecExample() =>
        Assert.Equal("oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/user.slice,task=python3,pid=1234,uid=1000",
            OomReport.ConstraintLine(OomConstraint.None, null, "/user.slice", Python3()));

    [Fact]
    public void ConstraintLine_Memcg_OomMemcgInsteadOfGlobal() =>
        Assert.Equal("oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/web,task_memcg=/web,task=python3,pid=1234,uid=1000",
            OomReport.ConstraintLine(OomConstraint.Memcg, "/web", "/web", Python3()));

    [Fact]                         // kernel-spec §14.5 line 6
    public void ReaperLine_ByteForByte()
    {
        var mm = new MmStruct { RssAnonPages = 0, RssFilePages = 3, RssShmemPages = 1 };
        Assert.Equal("oom_reaper: reaped process 1234 (python3), now anon-rss:0kB, file-rss:12kB, shmem-rss:4kB",
            OomReport.ReaperLine(1234, "python3", mm));
    }

    [Theory]                       // kernel-spec §14.3 panic text
    [InlineData(1, "Out of memory: system-wide panic_on_oom is enabled")]
    [InlineData(2, "Out of memory: compulsory panic_on_oom is enabled")]
    public void PanicOnOomMessage_KernelText(long value, string expected) =>
        Assert.Equal(expected, OomReport.PanicOnOomMessage(value));

    [Fact]
    public void MemcgUsageLine_KernelFormat() =>
        Assert.Equal("memory: usage 102400kB, limit 102400kB, failcnt 57", OomReport.MemcgUsageLine("memory", 25600, 25600, 57));
}
