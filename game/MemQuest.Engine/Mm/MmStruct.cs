// Models the counters of struct mm_struct (include/linux/mm_types.h) that /proc/PID/status, the OOM
// killer and overcommit read, kernel-spec §8.1: total_vm and friends in pages, the RSS counters
// (MM_ANONPAGES, MM_FILEPAGES, MM_SHMEMPAGES, MM_SWAPENTS), pgtables_bytes and the hiwater marks.
// The address space itself (VMAs, page tables, faults) is built on top of these by the Mm subsystem.
namespace MemQuest.Engine.Mm;

public sealed class MmStruct
{
    public long TotalVmPages { get; set; }
    public long DataVmPages { get; set; }
    public long StackVmPages { get; set; }
    public long ExecVmPages { get; set; }
    public long LockedVmPages { get; set; }
    public long PinnedVmPages { get; set; }
    public long RssAnonPages { get; set; }
    public long RssFilePages { get; set; }
    public long RssShmemPages { get; set; }
    public long SwapEntsPages { get; set; }
    public long PgtablesBytes { get; set; }
    public long HiwaterRssPages { get; set; }
    public long HiwaterVmPages { get; set; }

    /// <summary>The VMAs and the page-table tree (kernel-spec §8.1-§8.3).</summary>
    public AddressSpace Space { get; } = new();

    /// <summary>update_hiwater_rss (include/linux/mm.h): called before RSS shrinks.</summary>
    public void UpdateHiwaterRss() { if (HiwaterRssPages < RssPages) HiwaterRssPages = RssPages; }

    /// <summary>update_hiwater_vm: called before total_vm shrinks.</summary>
    public void UpdateHiwaterVm() { if (HiwaterVmPages < TotalVmPages) HiwaterVmPages = TotalVmPages; }

    /// <summary>get_mm_rss: anon + file + shmem resident pages.</summary>
    public long RssPages => RssAnonPages + RssFilePages + RssShmemPages;

    /// <summary>MMF_OOM_SKIP: the OOM reaper is done with this mm (kernel-spec §14.2).</summary>
    public bool OomSkip { get; set; }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(TotalVmPages); w.Add(DataVmPages); w.Add(StackVmPages); w.Add(ExecVmPages); w.Add(LockedVmPages);
        w.Add(RssAnonPages); w.Add(RssFilePages); w.Add(RssShmemPages); w.Add(SwapEntsPages); w.Add(PgtablesBytes);
        w.Add(HiwaterRssPages); w.Add(HiwaterVmPages); w.Add(OomSkip ? 1 : 0);
        Space.AddToDigest(w);
    }
}
