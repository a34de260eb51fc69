// Models struct slab (mm/slab.h), kernel-spec §5.3: one block of 2^order pages cut into objects,
// with its freelist, inuse count and list membership. Objects are numbered 0..Objects-1 from the
// first page; the freelist is a stack of free indices (LIFO like SLUB's freelist) and a bitmap
// says which objects are allocated, so a double free is caught.
// Invariants: Inuse + FreeCount == Objects; bit i set ⇔ object i allocated.
// Not modelled: the free pointer stored in the object, remote (cross-CPU) frees.
namespace MemQuest.Engine.Slab;

public sealed class Slab
{
    private readonly ushort[] _free;
    private readonly ulong[] _allocated;

    internal Slab(int id, KmemCache cache, long pfn, int order, int objects)
    {
        Id = id;
        Cache = cache;
        Pfn = pfn;
        Order = order;
        Objects = objects;
        _free = new ushort[objects];
        _allocated = new ulong[(objects + 63) >> 6];
        for (int i = 0; i < objects; i++) _free[i] = (ushort)(objects - 1 - i);
        FreeCount = objects;
    }

    public int Id { get; }
    public KmemCache Cache { get; }
    /// <summary>The first page of the slab (slab_pgdat/page_to_pfn of the folio).</summary>
    public long Pfn { get; }
    public int Order { get; }
    public int Objects { get; }
    public int Inuse => Objects - FreeCount;
    public int FreeCount { get; private set; }
    public SlabListKind List { get; internal set; }
    internal Slab? Prev { get; set; }
    internal Slab? Next { get; set; }

    /// <summary>Take the object at the head of the freelist; -1 when the slab is full.</summary>
    internal int TakeObject()
    {
        if (FreeCount == 0) return -1;
        int index = _free[--FreeCount];
        _allocated[index >> 6] |= 1UL << (index & 63);
        return index;
    }

    internal bool IsAllocated(int index) => (_allocated[index >> 6] & (1UL << (index & 63))) != 0;

    /// <summary>Put an allocated object back on the freelist.</summary>
    internal void PutObject(int index)
    {
        _allocated[index >> 6] &= ~(1UL << (index & 63));
        _free[FreeCount++] = (ushort)index;
    }

    internal void AddToDigest(DigestWriter w)
    {
        w.Add(Id);
        w.Add(Pfn);
        w.Add(Order);
        w.Add(FreeCount);
        w.Add((long)List);
        for (int i = 0; i < FreeCount; i++) w.Add(_free[i]);
    }
}
