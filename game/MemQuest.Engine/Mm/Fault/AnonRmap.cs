// Models the anonymous reverse map (struct anon_vma, mm/rmap.c) and the page mapcount, kernel-spec
// §8.2 and §12: every anon page (or THP head) stores in MemMap.Private a slot of this table; the
// slot holds the virtual page number where it is mapped, the fork family (the anon_vma root: the
// processes forked from one another share anon pages at the same address) and the mapcount.
// Lookup(pfn) walks the family and returns every (process, address) whose page table maps pfn.
// Invariants: a slot is live iff its mapcount > 0; MemMap.Private[pfn] names a live slot for every
//   mapped anon page. Left out: mremap (addresses never move), KSM.
using System.Buffers.Binary;
using MemQuest.Engine.Mm.PageTables;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Mm.Fault;

public sealed class AnonRmap(MemMap map)
{
    private long[] _vpn = new long[1024];
    private int[] _family = new int[1024];
    private int[] _mapcount = new int[1024];
    private readonly Stack<int> _free = new();
    private int _used;
    private readonly SortedDictionary<int, List<Process>> _families = new();

    public int LiveSlots => _used - _free.Count;

    /// <summary>folio_add_new_anon_rmap (mm/rmap.c): a freshly faulted page mapped once at addr.</summary>
    public void AddNew(int pfn, Process p, long addr)
    {
        int slot = _free.Count > 0 ? _free.Pop() : Grow();
        _vpn[slot] = addr >> Units.PageShift;
        _family[slot] = p.AnonFamily;
        _mapcount[slot] = 1;
        map.Private[pfn] = slot;
    }

    private int Grow()
    {
        if (_used == _vpn.Length)
        {
            Array.Resize(ref _vpn, _used * 2);
            Array.Resize(ref _family, _used * 2);
            Array.Resize(ref _mapcount, _used * 2);
        }
        return _used++;
    }

    public int MapCount(int pfn) => _mapcount[map.Private[pfn]];

    /// <summary>folio_dup_anon_rmap (fork): one more mapper of the same page.</summary>
    public void Dup(int pfn) => _mapcount[map.Private[pfn]]++;

    /// <summary>folio_remove_rmap: one mapper fewer; true when nobody maps the page any more (slot released).</summary>
    public bool Remove(int pfn)
    {
        int slot = map.Private[pfn];
        if (--_mapcount[slot] > 0) return false;
        _free.Push(slot);
        map.Private[pfn] = 0;
        return true;
    }

    /// <summary>__split_huge_page_tail's rmap side: after split_page, every subpage of the THP headed at
    /// <paramref name="head"/> is its own anon page at its own address, with the THP's family and mapcount.</summary>
    public void SplitHuge(int head, int nrPages)
    {
        int headSlot = map.Private[head];
        for (int i = 1; i < nrPages; i++)
        {
            int slot = _free.Count > 0 ? _free.Pop() : Grow();
            _vpn[slot] = _vpn[headSlot] + i;
            _family[slot] = _family[headSlot];
            _mapcount[slot] = _mapcount[headSlot];
            map.Private[head + i] = slot;
        }
    }

    public void JoinFamily(Process p)
    {
        if (!_families.TryGetValue(p.AnonFamily, out List<Process>? list)) _families.Add(p.AnonFamily, list = []);
        list.Add(p);
    }

    public void LeaveFamily(Process p)
    {
        if (!_families.TryGetValue(p.AnonFamily, out List<Process>? list)) return;
        list.Remove(p);
        if (list.Count == 0) _families.Remove(p.AnonFamily);
    }

    /// <summary>rmap_walk_anon (mm/rmap.c): every (process, address) that maps the anon page or THP head pfn.
    /// Empty when pfn is not a mapped anon page.</summary>
    public List<AnonMapping> Lookup(int pfn)
    {
        var hits = new List<AnonMapping>();
        if ((map.Flags[pfn] & PageFlags.Anon) == 0) return hits;
        int slot = map.Private[pfn];
        long addr = _vpn[slot] << Units.PageShift;
        if (!_families.TryGetValue(_family[slot], out List<Process>? members)) return hits;
        foreach (Process p in members)
        {
            PteTable? t = p.Mm?.Space.Tables.Find(addr);
            if (t is null) continue;
            int e = t.HugeEntry != 0 ? t.HugeEntry : t.Entries[(addr >> Units.PageShift) & (PteTable.EntriesPerTable - 1)];
            if (PteTable.IsPresentPage(e) && PteTable.PfnOf(e) == pfn) hits.Add(new AnonMapping(p, addr));
        }
        return hits;
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(_used); w.Add(_free.Count);
        // The slots as (vpn, family, mapcount) longs, a buffer's worth at a time (the same bytes as one Add each).
        const int SlotLongs = 3;
        for (int i = 0; i < _used;)
        {
            int n = Math.Min(_used - i, DigestWriter.MaxLongsAtOnce / SlotLongs);
            Span<byte> b = w.Reserve(n * SlotLongs * sizeof(long));
            for (int k = 0; k < n; k++, i++)
            {
                Span<byte> slot = b.Slice(k * SlotLongs * sizeof(long), SlotLongs * sizeof(long));
                BinaryPrimitives.WriteInt64LittleEndian(slot, _vpn[i]);
                BinaryPrimitives.WriteInt64LittleEndian(slot[8..], _family[i]);
                BinaryPrimitives.WriteInt64LittleEndian(slot[16..], _mapcount[i]);
            }
        }
        foreach (var (id, list) in _families) { w.Add(id); foreach (Process p in list) w.Add(p.Pid); }
    }
}
