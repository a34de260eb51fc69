using MemQuest.Engine;
using MemQuest.Scenarios.Workloads.Kernel;

namespace MemQuest.Scenarios.Tests.Workloads;

public sealed class EngineKernelTests
{
    private static (Machine M, EngineKernel K, int Pid) Boot(params KeyValuePair<string, string>[] sysctls)
    {
        var m = Machine.Boot(new MachineSpec(256 * 1024, 1) { Sysctls = sysctls }, 1);
        var k = new EngineKernel(m);
        int pid = k.Spawn("svc", 1, 0, new Dictionary<string, string>());
        Assert.True(pid > 0);
        return (m, k, pid);
    }

    [Fact]
    public void MmapAndTouch_AnonymousRegion_RssGrowsByThePagesTouched()
    {
        var (m, k, pid) = Boot();
        long before = m.Processes.Find(pid)!.Mm!.RssAnonPages;
        long addr = k.Mmap(pid, 4L << 20);
        Assert.True(addr > 0);
        Assert.Equal(256, k.TouchPages(pid, addr, 256));
        Assert.Equal(before + 256, m.Processes.Find(pid)!.Mm!.RssAnonPages);
    }

    [Fact]
    public void Malloc_WrittenObjects_ComeFromTheProcessHeapAndFaultIn()
    {
        var (m, k, pid) = Boot();
        long before = m.Processes.Find(pid)!.Mm!.RssPages;
        for (int i = 0; i < 256; i++) Assert.NotEqual(0, k.Malloc(pid, 4096));
        Assert.True(m.Processes.Find(pid)!.Mm!.RssPages >= before + 256);
    }

    [Fact]
    public void Fork_StrictOvercommitAndABigPrivateMapping_FailsWithEnomem()
    {
        var (_, k, pid) = Boot(new("overcommit_memory", "2"), new("overcommit_ratio", "100"));
        long addr = k.Mmap(pid, 160L << 20);
        Assert.True(addr > 0);
        Assert.Equal(-12, k.Fork(pid));
    }

    [Fact]
    public void Exit_Process_GivesItsMemoryBack()
    {
        var (m, k, pid) = Boot();
        long free = m.Node.NrFreePages;
        long addr = k.Mmap(pid, 8L << 20);
        k.TouchPages(pid, addr, 2048);
        Assert.True(m.Node.NrFreePages <= free - 2048);
        k.Exit(pid);
        Assert.False(k.Alive(pid));
        Assert.True(m.Node.NrFreePages > free);
    }
}
