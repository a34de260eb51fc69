// Models struct swap_info_struct (include/linux/swap.h) for one active swap area, kernel-spec §12:
// its path, type (partition or file), size in pages including the header page, slots in use and
// priority. The first page holds the swap header, so `pages` usable slots = size - 1, which is
// what SwapTotal and /proc/swaps count ("Adding 65532k swap" for a 64 MiB file).
// Invariant: 0 <= InusePages <= UsablePages; a slot is used iff its swap_map count is non-zero
//   (one count per PTE or swap-cache reference: fork duplicates entries).
// Not modelled: clusters and the per-CPU slot caches, discard, the swap extent map.
namespace MemQuest.Engine.Swap;

public sealed class SwapInfo
{
    private readonly ushort[] _count;
    private long _scanFrom;

    public SwapInfo(string path, bool isPartition, long sizePages, int priority)
    {
        if (sizePages < 2) throw new ArgumentOutOfRangeException(nameof(sizePages), "a swap area needs a header page and at least one slot");
        Path = path;
        IsPartition = isPartition;
        SizePages = sizePages;
        Priority = priority;
        _count = new ushort[sizePages];
        _count[0] = ushort.MaxValue;
    }

    public string Path { get; }
    public bool IsPartition { get; }
    public string Type => IsPartition ? "partition" : "file";
    public long SizePages { get; }
    /// <summary>si->pages: usable slots (the header page excluded).</summary>
    public long UsablePages => SizePages - 1;
    /// <summary>si->inuse_pages.</summary>
    public long InusePages { get; private set; }
    public int Priority { get; }

    /// <summary>scan_swap_map_slots, simplified: the lowest free slot at or after the last one handed out.</summary>
    public long AllocSlot()
    {
        if (InusePages >= UsablePages) return -1;
        for (long n = 0; n < SizePages; n++)
        {
            long slot = (_scanFrom + n) % SizePages;
            if (_count[slot] != 0) continue;
            _count[slot] = 1;
            InusePages++;
            _scanFrom = slot + 1;
            return slot;
        }
        return -1;
    }

    /// <summary>swap_duplicate: one more reference (fork copied a PTE holding the entry).</summary>
    public void Duplicate(long slot)
    {
        if (slot <= 0 || slot >= SizePages || _count[slot] == 0) throw new InvalidOperationException($"{Path}: duplicating unused swap slot {slot}");
        _count[slot]++;
    }

    /// <summary>swap_free → swap_entry_put: one reference fewer; the slot is free when none is left.</summary>
    public void FreeSlot(long slot)
    {
        if (slot <= 0 || slot >= SizePages || _count[slot] == 0) throw new InvalidOperationException($"{Path}: freeing unused swap slot {slot}");
        if (--_count[slot] == 0) InusePages--;
    }

    /// <summary>swap_count: references on a slot (PTEs plus the swap cache).</summary>
    public int ReferencesOf(long slot) => slot <= 0 || slot >= SizePages ? 0 : _count[slot];

    /// <summary>Slots with references, ascending (try_to_unuse's walk).</summary>
    public IEnumerable<long> UsedSlots()
    {
        for (long s = 1; s < SizePages; s++)
            if (_count[s] != 0) yield return s;
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(Path); w.Add(IsPartition ? 1 : 0); w.Add(SizePages); w.Add(InusePages); w.Add(Priority); w.Add(_scanFrom);
    }
}
