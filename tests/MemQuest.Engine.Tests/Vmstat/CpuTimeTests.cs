// The CPU time model behind vmstat's cpu columns (Vmstat/CpuTime.cs header): every tick hands out
// Cpus * 10 jiffies (USER_HZ 100); kernel work priced in ns becomes system time, disk reads at
// 100 MiB/s (1024 kB per jiffy) become iowait on one CPU, the rest is idle.
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Tests.Filemap;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Tests.Vmstat;

public sealed class CpuTimeTests
{
    private static long Total(CpuTime c) => c.User + c.System + c.Idle + c.Iowait + c.Steal;

    [Fact]   // boot read the C library and the inode tables (over a jiffy of disk time) before tick 0: not iowait
    public void IdleBox_EveryJiffyIsIdle()
    {
        var box = new PageCacheBox(1L << 20);
        Assert.True(box.Machine.VmEvents[VmEventItem.Pgpgin] >= CpuTime.DiskKbPerJiffy);
        for (int i = 0; i < 50; i++) box.Machine.Step();
        CpuTime c = box.Machine.CpuTime;
        Assert.Equal(2 * CpuTime.JiffiesPerTick * 50, Total(c));
        Assert.Equal(Total(c), c.Idle);
    }

    [Fact]   // 300 MiB read from disk = 307200 kB / 1024 kB per jiffy = 300 jiffies, at most 10 per tick
    public void ColdRead300MiB_Is300JiffiesOfIowaitOnOneCpu()
    {
        var box = new PageCacheBox(1L << 20);
        box.Write("/data/big", 300L << 20);
        box.Sync();
        box.Drop("1");
        for (int i = 0; i < 10; i++) box.Machine.Step();
        CpuTime c = box.Machine.CpuTime;
        long iowait0 = c.Iowait, pgpgin0 = box.Machine.VmEvents[VmEventItem.Pgpgin];
        box.Read("/data/big");
        long readKb = box.Machine.VmEvents[VmEventItem.Pgpgin] - pgpgin0;
        Assert.Equal(307200, readKb);
        box.Machine.Step();
        Assert.Equal(iowait0 + CpuTime.JiffiesPerTick, c.Iowait);
        Assert.True(c.IoPending);
        for (int i = 0; i < 40; i++) box.Machine.Step();
        Assert.Equal(iowait0 + readKb / CpuTime.DiskKbPerJiffy, c.Iowait);
        Assert.False(c.IoPending);
        Assert.Equal(2 * CpuTime.JiffiesPerTick * box.Machine.Tick, Total(c));
    }

    [Fact]   // a write() of 76800 pages: nr_dirtied * 500 ns = 38.4 ms → 3 jiffies of system time (8.4 ms carried)
    public void Write300MiB_CostsNrDirtiedTimesPageWriteNs()
    {
        var box = new PageCacheBox(1L << 20);
        box.Machine.Step();
        CpuTime c = box.Machine.CpuTime;
        long system0 = c.System, dirtied0 = box.Machine.Node.Stat[(int)NodeStatItem.NrDirtied];
        box.Write("/data/big", 300L << 20);
        long dirtied = box.Machine.Node.Stat[(int)NodeStatItem.NrDirtied] - dirtied0;
        box.Machine.Step();
        Assert.Equal(system0 + dirtied * CpuTime.PageWriteNs / CpuTime.NsPerJiffy, c.System);
    }
}
