// Models the THP deferred split queue (mm/huge_memory.c deferred_split_folio, deferred_split_count,
// deferred_split_scan; the "thp-deferred_split" shrinker). A THP that is only partly unmapped
// (munmap of part of a 2 MiB huge mapping) keeps its unmapped subpages allocated: they leave RSS and
// AnonPages at once, but MemFree gets them back only when the folio is split, which happens when
// the shrinker runs (memory pressure: shrink_slab in kswapd or direct reclaim; drop_caches 2), or
// all at once when its last mapped subpage goes too (the whole folio is freed).
// Verified on the 6.18 box (this machine): munmap of 1 MiB of a written THP → RssAnon −1024 kB,
// AnonHugePages −2048 kB, VmPTE unchanged, thp_split_pmd +1, thp_deferred_split_page +1,
// thp_split_page +0 (nr_anon_partially_mapped +1).
// The sim splits the page itself (split_page, per-subpage rmap) when the PMD is split and tracks the
// folio here (Track); the folio joins the queue when one of its subpages is first mapped by nobody
// (deferred_split_folio with partially_mapped, thp_deferred_split_page), and the unmapped subpages
// are kept (Parked) until the split; the observable numbers are the kernel's.
// Invariants: a pfn is in at most one tracked folio; Parked holds allocated, unmapped, off-LRU pages;
//   a folio is queued iff it has parked pages.
// Left out: the per-memcg queues (one node-wide queue), the mapped subpages staying on the LRU as one
//   folio (here they are order-0 anon pages, so reclaim and compaction see them one by one).
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Mm.Fault;

public sealed class DeferredSplitQueue(PageAllocator pageAlloc, Func<VmEvents> events) : IShrinker
{
    private sealed class SplitFolio(int head)
    {
        public int Head { get; } = head;
        public bool Queued { get; set; }
        /// <summary>Subpages still mapped somewhere (or swapped/migrated away: those are forgotten).</summary>
        public SortedSet<int> Mapped { get; } = [];
        public SortedSet<int> Parked { get; } = [];
    }

    private readonly List<SplitFolio> _queue = [];
    private readonly SortedDictionary<int, SplitFolio> _byPfn = new();

    /// <summary>split_queue_len.</summary>
    public int Length => _queue.Count;

    /// <summary>Subpages held allocated but unmapped by queued folios.</summary>
    public long ParkedPages { get; private set; }

    public int Seeks => Dcache.Dcache.DefaultSeeks;

    /// <summary>A THP whose PMD was split (its subpages start at <paramref name="head"/>): from now on a subpage
    /// that nobody maps stays allocated until the folio is split or wholly unmapped.</summary>
    public void Track(int head, int nrPages)
    {
        var f = new SplitFolio(head);
        for (int i = 0; i < nrPages; i++) { f.Mapped.Add(head + i); _byPfn[head + i] = f; }
    }

    /// <summary>The last mapping of subpage <paramref name="pfn"/> went: true if a queued folio keeps it
    /// (allocated until the split); the whole folio is freed when nothing of it is mapped any more.</summary>
    public bool Park(int pfn)
    {
        if (_byPfn.Count == 0 || !_byPfn.TryGetValue(pfn, out SplitFolio? f) || !f.Mapped.Remove(pfn)) return false;
        f.Parked.Add(pfn);
        ParkedPages++;
        if (f.Mapped.Count == 0) { Release(f); return true; }
        if (!f.Queued)
        {
            f.Queued = true;                                  // deferred_split_folio(folio, partially_mapped)
            _queue.Add(f);
            events().Count(VmEventItem.ThpDeferredSplitPage);
        }
        return true;
    }

    /// <summary>A mapped subpage left by another way (swapped out, migrated): it is no longer part of the folio.</summary>
    public void Forget(int pfn)
    {
        if (!_byPfn.TryGetValue(pfn, out SplitFolio? f) || !f.Mapped.Remove(pfn)) return;
        _byPfn.Remove(pfn);
        if (f.Mapped.Count == 0) Release(f);
    }

    public long CountObjects() => _queue.Count;

    /// <summary>deferred_split_scan: split the oldest <paramref name="nrToScan"/> queued folios (split_folio →
    /// thp_split_page), freeing their unmapped subpages. Returns the number split.</summary>
    public long ScanObjects(long nrToScan)
    {
        long split = 0;
        while (split < nrToScan && _queue.Count > 0)
        {
            Release(_queue[0]);
            events().Count(VmEventItem.ThpSplitPage);
            split++;
        }
        return split;
    }

    private void Release(SplitFolio f)
    {
        if (f.Queued) _queue.Remove(f);
        f.Queued = false;
        foreach (int pfn in f.Mapped) _byPfn.Remove(pfn);
        foreach (int pfn in f.Parked)
        {
            _byPfn.Remove(pfn);
            pageAlloc.FreePages(pfn, 0);
        }
        ParkedPages -= f.Parked.Count;
        f.Mapped.Clear();
        f.Parked.Clear();
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(_byPfn.Count);
        w.Add(_queue.Count);
        foreach (SplitFolio f in _queue)
        {
            w.Add(f.Head); w.Add(f.Mapped.Count); w.Add(f.Parked.Count);
            foreach (int pfn in f.Parked) w.Add(pfn);
        }
    }
}
