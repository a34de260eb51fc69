// /proc/vmstat (mm/vmstat.c): 6.18 line order (zone items, node items, thresholds, events,
// nr_unstable), and the counters the game reads move with the mechanisms behind them.
using MemQuest.Engine.Mm.Exec;
using ProcVmstat = MemQuest.Engine.Procfs.Vmstat;
using MemQuest.Engine.Tests.Filemap;

namespace MemQuest.Engine.Tests.Procfs;

public sealed class VmstatTests
{
    private static long Get(Machine m, string name) => ProcVmstat.Compute(m).First(l => l.Key == name).Value;

    [Fact]
    public void Render_Order_ZoneThenNodeThenThresholdsThenEventsThenNrUnstable()
    {
        var m = Machine.Boot(new MachineSpec(1L << 20), 1);
        string[] names = ProcVmstat.Render(ProcVmstat.Compute(m)).TrimEnd('\n').Split('\n').Select(l => l.Split(' ')[0]).ToArray();
        Assert.Equal("nr_free_pages", names[0]);
        Assert.Equal("nr_inactive_anon", names[17]);
        Assert.Equal("nr_dirty_threshold", names[Array.IndexOf(names, "nr_kernel_file_pages") + 1]);
        Assert.Equal("pgpgin", names[Array.IndexOf(names, "nr_memmap_boot_pages") + 1]);
        Assert.Equal("nr_unstable", names[^1]);
        Assert.Equal(names.Length, names.Distinct().Count());
    }

    [Fact]
    public void Counters_ReadWriteFault_MoveWithTheWork()
    {
        var box = new PageCacheBox(1L << 20);
        Machine m = box.Machine;
        long pgfault = Get(m, "pgfault"), pgpgout = Get(m, "pgpgout");
        LabProgram.Spawn(m.Mm, "t", 1, 0, new LabProgramSpec(MapBytes: 1L << 20, TouchBytes: 1L << 20));
        Assert.True(Get(m, "pgfault") - pgfault >= 256);
        box.Write("/data/x", 4L << 20);
        box.Sync();
        Assert.True(Get(m, "pgpgout") - pgpgout >= 4096);
        box.Drop("1");
        long pgpgin = Get(m, "pgpgin");
        box.Read("/data/x");
        Assert.Equal(4096, Get(m, "pgpgin") - pgpgin);
        Assert.Equal(1, Get(m, "drop_pagecache"));
    }
}
