// Models a process's x86-64 4-level page-table tree (arch/x86, mm/memory.c __pte_alloc,
// __pmd_alloc, __pud_alloc, free_pgd_range), kernel-spec §8.3. The PGD page is not counted (it
// comes with the mm) and P4D is folded. PUD pages are keyed by 512 GiB slot, PMD pages by 1 GiB
// slot, PTE pages by 2 MiB slot, so the count of each matches the kernel for dense, sparse and
// far-apart mappings. Page-table pages are allocated only when a fault first needs them.
// Invariants: a PTE slot exists only under an existing PMD page, a PMD page only under a PUD page.
// Left out: 5-level paging, shared page tables, page-table reclaim of empty PTE pages.
using System.Buffers.Binary;

namespace MemQuest.Engine.Mm.PageTables;

public sealed class PageTable
{
    public const int PmdShift = 21;
    public const int PudShift = 30;
    public const int PgdShift = 39;
    private readonly SortedDictionary<long, PteTable> _ptes = new();
    private readonly SortedDictionary<long, int> _pmds = new();
    private readonly SortedDictionary<long, int> _puds = new();
    private PteTable? _lastPte;
    private long _lastSlot = -1;

    public IEnumerable<KeyValuePair<long, PteTable>> PteTables => _ptes;
    public int PteTableCount => _ptes.Count;
    public int PmdPageCount => _pmds.Count;
    public int PudPageCount => _puds.Count;

    public PteTable? Find(long addr)
    {
        long slot = addr >> PmdShift;
        if (slot == _lastSlot) return _lastPte;
        if (!_ptes.TryGetValue(slot, out PteTable? t)) return null;
        _lastSlot = slot;
        _lastPte = t;
        return t;
    }

    /// <summary>__pud_alloc, __pmd_alloc, __pte_alloc (mm/memory.c), kernel-spec §8.2 step 1: the PTE page
    /// covering addr, allocating the missing levels top-down; null when a page allocation failed.</summary>
    public PteTable? Ensure(long addr, MmStruct mm, PageTablePages pages)
    {
        PteTable? found = Find(addr);
        if (found is not null) return found;
        if (!EnsureUpper(addr, mm, pages)) return null;
        int pfn = pages.Alloc(mm);
        if (pfn < 0) return null;
        var table = new PteTable(pfn);
        _ptes.Add(addr >> PmdShift, table);
        _lastSlot = addr >> PmdShift;
        _lastPte = table;
        return table;
    }

    /// <summary>The PUD and PMD pages above addr (what a huge PMD fault needs before its deposit).</summary>
    public bool EnsureUpper(long addr, MmStruct mm, PageTablePages pages) =>
        EnsureLevel(_puds, addr >> PgdShift, mm, pages) && EnsureLevel(_pmds, addr >> PudShift, mm, pages);

    private static bool EnsureLevel(SortedDictionary<long, int> level, long key, MmStruct mm, PageTablePages pages)
    {
        if (level.ContainsKey(key)) return true;
        int pfn = pages.Alloc(mm);
        if (pfn < 0) return false;
        level.Add(key, pfn);
        return true;
    }

    /// <summary>The PTE tables whose 2 MiB slot overlaps [start, end), in address order.</summary>
    public List<KeyValuePair<long, PteTable>> TablesIn(long start, long end)
    {
        var list = new List<KeyValuePair<long, PteTable>>();
        long first = start >> PmdShift, last = (end - 1) >> PmdShift;
        if (last - first < 4096)
        {
            for (long s = first; s <= last; s++)
                if (_ptes.TryGetValue(s, out PteTable? t)) list.Add(new(s, t));
            return list;
        }
        foreach (var kv in _ptes)
            if (kv.Key >= first && kv.Key <= last) list.Add(kv);
        return list;
    }

    /// <summary>free_pgd_range (mm/memory.c): after [start, end) was unmapped, free every PTE, PMD and PUD
    /// page in that range that no remaining VMA overlaps (the kernel's floor/ceiling rule).</summary>
    public void FreeUnused(long start, long end, Func<long, long, bool> anyVmaIn, MmStruct mm, PageTablePages pages)
    {
        foreach (var (slot, table) in TablesIn(start, end))
        {
            if (anyVmaIn(slot << PmdShift, (slot + 1) << PmdShift)) continue;
            _ptes.Remove(slot);
            pages.Free(mm, table.Pfn);
        }
        _lastSlot = -1;
        _lastPte = null;
        FreeLevel(_pmds, PudShift, start, end, anyVmaIn, mm, pages);
        FreeLevel(_puds, PgdShift, start, end, anyVmaIn, mm, pages);
    }

    private static void FreeLevel(SortedDictionary<long, int> level, int shift, long start, long end,
        Func<long, long, bool> anyVmaIn, MmStruct mm, PageTablePages pages)
    {
        long first = start >> shift, last = (end - 1) >> shift;
        var dead = new List<long>();
        foreach (var (key, _) in level)
            if (key >= first && key <= last && !anyVmaIn(key << shift, (key + 1) << shift)) dead.Add(key);
        foreach (long key in dead)
        {
            pages.Free(mm, level[key]);
            level.Remove(key);
        }
    }

    /// <summary>free_pgtables at exit_mmap: every page-table page goes back.</summary>
    public void FreeAll(MmStruct mm, PageTablePages pages)
    {
        foreach (PteTable t in _ptes.Values) pages.Free(mm, t.Pfn);
        foreach (int pfn in _pmds.Values) pages.Free(mm, pfn);
        foreach (int pfn in _puds.Values) pages.Free(mm, pfn);
        _ptes.Clear(); _pmds.Clear(); _puds.Clear();
        _lastSlot = -1;
        _lastPte = null;
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(_puds.Count); w.Add(_pmds.Count); w.Add(_ptes.Count);
        foreach (var (k, v) in _puds) { w.Add(k); w.Add(v); }
        foreach (var (k, v) in _pmds) { w.Add(k); w.Add(v); }
        foreach (var (k, t) in _ptes)
        {
            w.Add(k); w.Add(t.Pfn); w.Add(t.HugeEntry);
            // The (index, entry) longs of the table's non-empty entries in one stretch (the same bytes as one Add each).
            int[] entries = t.Entries;
            int used = 0;
            foreach (int e in entries) if (e != 0) used++;
            Span<byte> b = w.Reserve(used * 2 * sizeof(long));
            for (int i = 0, at = 0; i < PteTable.EntriesPerTable; i++)
            {
                if (entries[i] == 0) continue;
                BinaryPrimitives.WriteInt64LittleEndian(b[at..], i);
                BinaryPrimitives.WriteInt64LittleEndian(b[(at + 8)..], entries[i]);
                at += 16;
            }
            w.Add(-1);
        }
    }
}
