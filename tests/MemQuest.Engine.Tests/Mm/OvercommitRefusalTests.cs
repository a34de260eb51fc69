// How an overcommit refusal shows: -ENOMEM to the caller and, rate limited, the kernel's
// pr_warn_ratelimited line from __vm_enough_memory (mm/util.c; kernel-spec §9.2, overcommit.json
// kernel_log): burst 10 per 5 s window (DEFAULT_RATELIMIT_BURST / _INTERVAL, lib/ratelimit.c), then
// "__vm_enough_memory: N callbacks suppressed" when the next window opens.
using MemQuest.Engine.Events;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Exec;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Tests.Mm;

public sealed class OvercommitRefusalTests
{
    private static string Text(string stamped) => stamped[(stamped.IndexOf("] ", StringComparison.Ordinal) + 2)..];

    [Fact]
    public void Mmap_Admitted_LogsNothing()
    {
        var box = new MmTestBox();
        Process p = box.Bare("ok");
        long written = box.Machine.Kmsg.Written;
        Assert.True(box.Vm.MmapAnon(p, 1L << 30, writable: true, noReserve: false) > 0);
        Assert.Equal(written, box.Machine.Kmsg.Written);
    }

    [Fact]
    public void Mmap_RefusedTwelveTimes_TenLinesThenTheSuppressedCountInTheNextWindow()
    {
        var box = new MmTestBox();
        Process p = box.Bare("hog");
        long written = box.Machine.Kmsg.Written;
        for (int i = 0; i < 12; i++) Assert.Equal(-(long)Errno.ENOMEM, box.Vm.MmapAnon(p, 64L << 30, writable: true, noReserve: false));
        Assert.Equal(10, box.Machine.Kmsg.Written - written);
        Assert.Equal($"__vm_enough_memory: pid: {p.Pid}, comm: hog, bytes: 68719476736 not enough memory for the allocation",
            Text(box.Machine.Kmsg.Lines[^1]));
        for (int t = 0; t < RatelimitState.DefaultIntervalMs / Machine.TickMilliseconds; t++) box.Machine.Step();
        box.Vm.MmapAnon(p, 64L << 30, writable: true, noReserve: false);
        Assert.Equal(10, box.Machine.Kmsg.Written - written);        // 5.0 s after the first: still the same window
        box.Machine.Step();
        box.Vm.MmapAnon(p, 64L << 30, writable: true, noReserve: false);
        Assert.Equal(12, box.Machine.Kmsg.Written - written);
        Assert.Equal("__vm_enough_memory: 3 callbacks suppressed", Text(box.Machine.Kmsg.Lines[^2]));
        Assert.StartsWith("[    5.100000] __vm_enough_memory: pid: ", box.Machine.Kmsg.Lines[^1]);
    }

    [Fact]
    public void Fork_RefusedInMode2_LogsTheParentAndTheVmaThatDidNotFit()
    {
        var box = new MmTestBox(sysctls: ("overcommit_memory", "2"));
        Process redis = box.Spawn("redis", new LabProgramSpec(MapBytes: 1500L << 20, TouchBytes: 0));
        Assert.Null(box.Vm.Fork(redis, out Errno e));
        Assert.Equal(Errno.ENOMEM, e);
        // dup_mmap charges VMA by VMA in address order, against the parent's mm, as current = the parent
        Assert.Equal($"__vm_enough_memory: pid: {redis.Pid}, comm: redis, bytes: {1500L << 20} not enough memory for the allocation",
            Text(box.Machine.Kmsg.Lines[^1]));
    }
}
