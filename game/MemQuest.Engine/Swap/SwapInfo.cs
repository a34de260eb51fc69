// Models struct swap_info_struct (include/linux/swap.h) for one active swap area, kernel-spec §12:
// its path, type (partition or file), size in pages including the header page, slots in use and
// priority. The first page holds the swap header, so `pages` usable slots = size - 1, which is
// what SwapTotal and /proc/swaps count ("Adding 65532k swap" for a 64 MiB file).
// Invariant: 0 <= InusePages <= UsablePages; a slot is used iff its bit is set.
// Not modelled: clusters and the per-CPU slot caches, discard, the swap extent map.
namespace MemQuest.Engine.Swap;

public sealed class SwapInfo
{
    private readonly bool[] _used;
    private long _scanFrom;

    public SwapInfo(string path, bool isPartition, long sizePages, int priority)
    {
        if (sizePages < 2) throw new ArgumentOutOfRangeException(nameof(sizePages), "a swap area needs a header page and at least one slot");
        Path = path;
        IsPartition = isPartition;
        SizePages = sizePages;
        Priority = priority;
        _used = new bool[sizePages];
        _used[0] = true;
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
            if (_used[slot]) continue;
            _used[slot] = true;
            InusePages++;
            _scanFrom = slot + 1;
            return slot;
        }
        return -1;
    }

    /// <summary>swap_entry_free: the slot is free again.</summary>
    public void FreeSlot(long slot)
    {
        if (slot <= 0 || slot >= SizePages || !_used[slot]) throw new InvalidOperationException($"{Path}: freeing unused swap slot {slot}");
        _used[slot] = false;
        InusePages--;
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(Path); w.Add(IsPartition ? 1 : 0); w.Add(SizePages); w.Add(InusePages); w.Add(Priority); w.Add(_scanFrom);
    }
}
