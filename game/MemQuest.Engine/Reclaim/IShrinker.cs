// Models a registered non-slab shrinker (struct shrinker, mm/shrinker.c): count_objects says how
// many objects could be freed, scan_objects frees up to n of them. shrink_slab runs every
// registered shrinker after the superblock (dentry/inode) one, with do_shrink_slab's arithmetic.
// The only one so far is the THP deferred split queue (mm/huge_memory.c "thp-deferred_split").
namespace MemQuest.Engine.Reclaim;

public interface IShrinker
{
    /// <summary>shrinker->seeks: DEFAULT_SEEKS (2) for the THP deferred split queue.</summary>
    int Seeks { get; }

    /// <summary>count_objects: objects that scanning could free now.</summary>
    long CountObjects();

    /// <summary>scan_objects: work through up to <paramref name="nrToScan"/> objects; the number freed.</summary>
    long ScanObjects(long nrToScan);
}
