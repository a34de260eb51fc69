// Models the VMA tree of an mm (mm->mm_mt, mm/vma.c) and its page-table tree, kernel-spec §8.1-§8.3:
// VMAs in address order, lookup (find_vma), insertion, unmapping with splits (do_vmi_munmap), and
// the top-down search for a free range (unmapped_area_topdown, mm/vma.c; THP alignment from
// __get_unmapped_area/__thp_get_unmapped_area, mm/mmap.c and mm/huge_memory.c).
// Invariants: VMAs sorted by Start, never overlapping; MmapBase is the top of the mmap area.
// Left out: merging on mprotect/madvise (only a new anonymous mapping merges), stack guard gaps, mmap_min_addr search floor.
using MemQuest.Engine.Mm.PageTables;

namespace MemQuest.Engine.Mm;

public sealed class AddressSpace
{
    public const long PmdSize = 1L << PageTable.PmdShift;
    /// <summary>The lowest address the top-down search may return (mmap_min_addr rounded to a page).</summary>
    public const long MmapMinAddr = 0x10000;
    private readonly List<Vma> _vmas = [];

    public IReadOnlyList<Vma> Vmas => _vmas;
    public PageTable Tables { get; } = new();
    /// <summary>mm->mmap_base: the top of the top-down mmap area.</summary>
    public long MmapBase { get; set; }
    public long StartBrk { get; set; }
    public long Brk { get; set; }
    /// <summary>mm->start_code / end_code: the program's text (VmExe).</summary>
    public long StartCode { get; set; }
    public long EndCode { get; set; }

    /// <summary>find_vma + range check: the VMA containing addr, or null.</summary>
    public Vma? Find(long addr)
    {
        int lo = 0, hi = _vmas.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            Vma v = _vmas[mid];
            if (addr < v.Start) hi = mid - 1;
            else if (addr >= v.End) lo = mid + 1;
            else return v;
        }
        return null;
    }

    public bool AnyVmaIn(long start, long end)
    {
        foreach (Vma v in _vmas)
            if (v.Start < end && v.End > start) return true;
        return false;
    }

    public void Insert(Vma vma)
    {
        if (AnyVmaIn(vma.Start, vma.End)) throw new InvalidOperationException($"VMA {vma.Start:x}-{vma.End:x} overlaps an existing one");
        int i = 0;
        while (i < _vmas.Count && _vmas[i].Start < vma.Start) i++;
        _vmas.Insert(i, vma);
    }

    /// <summary>vma_merge_new_range (mm/vma.c): a new anonymous mapping that touches an anonymous neighbour with
    /// the same flags extends it (one line in /proc/PID/maps) instead of adding a VMA.</summary>
    public void InsertMerging(Vma vma)
    {
        const VmFlags ignore = VmFlags.AnonVma;
        Vma? below = Find(vma.Start - 1), above = Find(vma.End);
        bool Same(Vma? v) => v is not null && v.IsAnonymous && v.Name is null && (v.Flags & ~ignore) == (vma.Flags & ~ignore);
        if (AnyVmaIn(vma.Start, vma.End)) throw new InvalidOperationException($"VMA {vma.Start:x}-{vma.End:x} overlaps an existing one");
        if (Same(below) && Same(above)) { below!.End = above!.End; below.Flags |= above.Flags & ignore; _vmas.Remove(above); }
        else if (Same(below)) below!.End = vma.End;
        else if (Same(above)) above!.Start = vma.Start;
        else Insert(vma);
    }

    /// <summary>Detach [start, end) from the VMA list, splitting VMAs that straddle an edge (__split_vma).
    /// Returns the detached pieces in address order.</summary>
    public List<Vma> Detach(long start, long end)
    {
        var removed = new List<Vma>();
        for (int i = 0; i < _vmas.Count; i++)
        {
            Vma v = _vmas[i];
            if (v.End <= start || v.Start >= end) continue;
            if (v.Start < start) { _vmas.Insert(i, v.Clone(v.Start, start)); i++; v = Replace(i, v.Clone(start, v.End)); }
            if (v.End > end) { _vmas.Insert(i + 1, v.Clone(end, v.End)); v = Replace(i, v.Clone(v.Start, end)); }
            removed.Add(v);
            _vmas.RemoveAt(i);
            i--;
        }
        return removed;
    }

    public void Remove(Vma vma) => _vmas.Remove(vma);

    private Vma Replace(int i, Vma v)
    {
        _vmas[i] = v;
        return v;
    }

    /// <summary>get_unmapped_area for an anonymous mapping without a hint (mm/mmap.c), kernel-spec §8.2:
    /// the highest free gap below MmapBase; a length that is a multiple of 2 MiB is placed 2 MiB aligned
    /// (6.18 __get_unmapped_area: IS_ALIGNED(len, PMD_SIZE) → thp_get_unmapped_area). -1 when nothing fits.</summary>
    public long GetUnmappedArea(long lengthBytes, bool thpEnabled)
    {
        bool align = thpEnabled && lengthBytes % PmdSize == 0;
        long search = align ? lengthBytes + PmdSize : lengthBytes;
        long ret = UnmappedAreaTopdown(search);
        if (ret < 0 || !align) return ret;
        long offSub = (0 - ret) & (PmdSize - 1);
        return offSub == 0 ? ret + PmdSize : ret + offSub;
    }

    /// <summary>unmapped_area_topdown (mm/vma.c): the top of the highest gap of at least len bytes.</summary>
    private long UnmappedAreaTopdown(long len)
    {
        long gapEnd = MmapBase;
        for (int i = _vmas.Count - 1; i >= -1; i--)
        {
            long gapStart = i >= 0 ? _vmas[i].End : MmapMinAddr;
            if (i >= 0 && _vmas[i].Start >= MmapBase) continue;
            long top = Math.Min(gapEnd, MmapBase);
            if (top - gapStart >= len) return top - len;
            if (i >= 0) gapEnd = _vmas[i].Start;
        }
        return -1;
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(MmapBase); w.Add(StartBrk); w.Add(Brk); w.Add(StartCode); w.Add(EndCode); w.Add(_vmas.Count);
        foreach (Vma v in _vmas) v.AddToDigest(w);
        Tables.AddToDigest(w);
    }
}
