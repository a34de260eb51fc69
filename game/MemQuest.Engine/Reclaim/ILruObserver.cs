// Not a kernel structure: the hook through which a page's LRU moves on the node lruvec reach the
// memory cgroup lruvec it belongs to (folio_lruvec: the kernel keeps the page on its memcg's
// lruvec; this model keeps it on the node's and mirrors it, see Memcg.MemcgLruvecs).
namespace MemQuest.Engine.Reclaim;

public interface ILruObserver
{
    /// <summary>The page was linked at the head of <paramref name="list"/>.</summary>
    void Added(int pfn, LruList list);

    /// <summary>The page was unlinked from <paramref name="list"/>.</summary>
    void Deleted(int pfn, LruList list);

    /// <summary>Migration: <paramref name="newPfn"/> took <paramref name="oldPfn"/>'s place on <paramref name="list"/>.</summary>
    void Replaced(int oldPfn, int newPfn, LruList list);
}
