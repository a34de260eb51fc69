// Models do_swap_page (mm/memory.c), kernel-spec §12: a fault on a PTE that holds a swap entry
// finds the page in the swap cache or reads it from the swap area (pswpin, pgmajfault), maps it
// (MM_SWAPENTS -1, MM_ANONPAGES +1: VmSwap shrinks, RssAnon grows) and drops the PTE's reference on
// the slot. A read fault leaves the clean copy in the swap cache (SwapCached); a write fault frees
// it from the swap cache, so the slot is released once no other PTE names it.
// Written by the page-cache/swap engineer on top of Mm's page tables and rmap.
using MemQuest.Engine.Mm.PageTables;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Swap;

namespace MemQuest.Engine.Mm;

public sealed partial class VirtualMemory
{
    /// <summary>count_vm_event for the fault path (pgfault in /proc/vmstat).</summary>
    internal void CountVmEvent(Vmstat.VmEventItem item) => _machine.VmEvents.Count(item);

    /// <summary>do_swap_page (mm/memory.c): swap the page of PTE <paramref name="i"/> of <paramref name="t"/> back in.</summary>
    internal Fault.FaultResult DoSwapPage(Process p, PteTable t, int i, int pte, long addr, bool write)
    {
        long entry = PteTable.SwapSlotOf(pte);
        SwapTable swap = _machine.Swap;
        if (swap.AreaOf(entry) is null) return Fault.FaultResult.SwapEntry;
        int pfn = swap.FindSwapCachePage(entry);
        bool major = pfn < 0;
        if (major)
        {
            long got = swap.SwapIn(entry, write: false);
            if (got < 0) return Fault.FaultResult.Oom;
            pfn = (int)got;
        }
        if (Rmap.Lookup(pfn).Count > 0) Rmap.Dup(pfn);
        else
        {
            Rmap.AddNew(pfn, p, addr);
            Node.AddStat(NodeStatItem.NrAnonPages, 1);
        }
        bool shared = swap.AreaOf(entry)!.ReferencesOf(SwapTable.SlotOf(entry)) > 2;
        t.Entries[i] = PteTable.Present(pfn, shared && !write);
        MmStruct mm = p.Mm!;
        mm.RssAnonPages++;
        mm.SwapEntsPages--;
        mm.UpdateHiwaterRss();
        swap.FreeEntry(entry);
        if (write) swap.DeleteFromSwapCache(pfn);
        return major ? Fault.FaultResult.Major : Fault.FaultResult.Minor;
    }
}
