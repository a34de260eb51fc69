// Models the global vm_event_states counters (include/linux/vmstat.h count_vm_event, all_vm_events):
// monotonically increasing event counts shown in /proc/vmstat after the node/zone stats.
// Every subsystem counts here (pgfault, pgscan_*, pswpout, compact_*, drop_pagecache, oom_kill ...).
// Invariant: counters never decrease. Per-CPU splitting is not modelled (one global array).
namespace MemQuest.Engine.Vmstat;

public sealed class VmEvents
{
    private readonly long[] _counts = new long[(int)VmEventItem.Count];

    public long this[VmEventItem item] => _counts[(int)item];

    /// <summary>Memory cgroups' share of the counts (count_memcg_event_mm); null until a group exists.</summary>
    public Action<VmEventItem, long>? Observer { get; set; }

    /// <summary>count_vm_event / count_vm_events.</summary>
    public void Count(VmEventItem item, long delta = 1)
    {
        if (delta < 0) throw new ArgumentOutOfRangeException(nameof(delta), "vm events only grow");
        _counts[(int)item] += delta;
        Observer?.Invoke(item, delta);
    }

    /// <summary>count_vm_events(item, 1 &lt;&lt; order) on the page allocator's hot path (no check: never negative).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void CountPages(VmEventItem item, int order) => _counts[(int)item] += 1L << order;

    public void AddToDigest(DigestWriter w)
    {
        foreach (long c in _counts) w.Add(c);
    }
}
