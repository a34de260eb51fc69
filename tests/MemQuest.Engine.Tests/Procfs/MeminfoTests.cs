// /proc/meminfo: MemAvailable as si_mem_available (kernel-spec §15.3, facts 64-65), the line format
// (§15.1, fact 66), and the page-cache lines (Buffers, Cached, SwapTotal/SwapFree, Percpu).
using MemQuest.Engine.Events;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Procfs;
using MemQuest.Engine.Tests.Filemap;

namespace MemQuest.Engine.Tests.Procfs;

public sealed class MeminfoTests
{
    private static PgData Node(long free, long totalreserve, long fileLru, long sreclaimable, long lowSum)
    {
        PgData node = ZoneLayout.SingleZone(1024, new KernelEventLog(), populate: false);
        Zone z = node.Zones[(int)ZoneType.Normal];
        z.NrFreePages = free;
        z.Watermarks.LowBase = lowSum;
        node.TotalreservePages = totalreserve;
        node.Stat[(int)NodeStatItem.NrInactiveFile] = fileLru;
        node.Stat[(int)NodeStatItem.NrSlabReclaimable] = sreclaimable;
        return node;
    }

    [Fact]   // kernel-spec §19 fact 64
    public void SiMemAvailable_VerifiedVmSnapshot_Gives24470144Kb()
        => Assert.Equal(24470144, Units.K(Meminfo.SiMemAvailable(Node(6143510, 29382, 2975, 3840, 21149))));

    [Fact]   // kernel-spec §19 fact 65
    public void SiMemAvailable_ReserveAboveFree_IsZeroNotNegative()
        => Assert.Equal(0, Meminfo.SiMemAvailable(Node(100, 500, 0, 0, 0)));

    [Fact]   // kernel-spec §19 fact 66
    public void Render_OneGiB_PrintsMemTotalLineLikeTheKernel()
    {
        var m = Machine.Boot(new MachineSpec(1048576), 1);
        Assert.StartsWith("MemTotal:        1048576 kB\n", Meminfo.Render(Meminfo.Compute(m)));
    }

    [Fact]
    public void Compute_SwapDevice_SwapTotalAndFreeFromTheArea()
    {
        var box = new PageCacheBox(1L << 20, swapKb: 524288);
        Assert.Equal(524288, box.Kb("SwapTotal"));
        Assert.Equal(524288, box.Kb("SwapFree"));
    }

    [Fact]
    public void Compute_NewFiles_InodeTableBlocksShowAsBuffers()
    {
        var box = new PageCacheBox(1L << 20);
        long before = box.Kb("Buffers");
        for (int i = 0; i < 160; i++) box.Machine.Fs.Create($"/data/n{i}", out _);
        long blocks = box.Machine.Fs.BlockDevice.NrPages;
        Assert.Equal(Units.K(blocks), box.Kb("Buffers"));
        Assert.InRange(box.Kb("Buffers") - before, 9 * 4, 11 * 4);
    }

    [Fact]
    public void Compute_Percpu_IsTheEmbeddedFirstChunkPerCpu()
    {
        var m = Machine.Boot(new MachineSpec(1048576, Cpus: 4), 1);
        Assert.Equal(4 * Meminfo.PercpuPagesPerCpu * 4, Meminfo.Compute(m)["Percpu"]);
    }
}
