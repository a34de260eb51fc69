// Models struct kmem_cache with its one kmem_cache_cpu and one kmem_cache_node (mm/slub.c,
// mm/slab.h), kernel-spec §5.1-§5.4: geometry, the CPU slab, the per-CPU partial list, the node
// partial list and the counters /proc/slabinfo prints.
// Invariants: NumObjs == Σ slab.Objects; ActiveObjs == NumObjs − free objects on node-partial
//   slabs; NrPartial == slabs on the node list; CpuPartialSlabs == slabs on the per-CPU list.
// Simplification (kernel-spec §18): one CPU's kmem_cache_cpu stands for all CPUs (the simulated
//   work runs on CPU 0); 6.18 sheaves are treated as the per-CPU partial list they replace.
namespace MemQuest.Engine.Slab;

public sealed class KmemCache
{
    private readonly List<string> _aliases = [];
    private Slab? _nodeHead, _nodeTail;

    internal KmemCache(int id, KmemCacheArgs args, SlabLayout layout)
    {
        Id = id;
        Args = args;
        Layout = layout;
        ObjectSizeBytes = args.ObjectSizeBytes;
        Refcount = 1;
    }

    /// <summary>Creation index: /proc/slabinfo lists the newest cache first.</summary>
    public int Id { get; }
    public string Name => Args.Name;
    public KmemCacheArgs Args { get; }
    public SlabLayout Layout { get; }
    public SlabFlags Flags => Args.Flags;
    /// <summary>s->object_size: raised when a larger cache is merged into this one.</summary>
    public int ObjectSizeBytes { get; internal set; }
    public int SizeBytes => Layout.SizeBytes;
    public int Refcount { get; internal set; }
    /// <summary>Names merged into this cache by __kmem_cache_alias, in merge order.</summary>
    public IReadOnlyList<string> Aliases => _aliases;
    /// <summary>The /sys/kernel/slab directory: the cache name when unmergeable, else create_unique_id
    /// (mm/slub.c): ':' + d (DMA), a (reclaim), A (account), '-' if any, then the size as %07u.</summary>
    public string SysfsName
    {
        get
        {
            if (IsUnmergeable) return Name;
            string tags = ((Flags & SlabFlags.CacheDma) != 0 ? "d" : "") + ((Flags & SlabFlags.ReclaimAccount) != 0 ? "a" : "")
                          + ((Flags & SlabFlags.Account) != 0 ? "A" : "");
            return ":" + (tags.Length > 0 ? tags + "-" : "") + SizeBytes.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public bool IsReclaimable => (Flags & SlabFlags.ReclaimAccount) != 0;

    /// <summary>slab_unmergeable (mm/slab_common.c).</summary>
    public bool IsUnmergeable => (Flags & SlabFlags.Unmergeable) != 0;

    public long NumSlabs { get; private set; }
    public long NumObjs { get; private set; }
    /// <summary>Objects handed out and not yet freed.</summary>
    public long InuseObjs { get; internal set; }
    /// <summary>Pages held by this cache's slabs.</summary>
    public long Pages { get; private set; }
    public int NrPartial { get; private set; }
    /// <summary>Free objects on node-partial slabs (the only free objects slabinfo does not count as active).</summary>
    public long NodePartialFreeObjs { get; private set; }
    /// <summary>active_objs of /proc/slabinfo (get_slabinfo: num_objs minus node-partial free objects).</summary>
    public long ActiveObjs => NumObjs - NodePartialFreeObjs;

    internal Slab? CpuSlab { get; set; }
    internal Slab? CpuPartialHead { get; set; }
    internal int CpuPartialCount { get; set; }
    internal Slab? NodeHead => _nodeHead;

    internal void AddAlias(string name) => _aliases.Add(name);

    internal void AccountNewSlab(Slab slab)
    {
        NumSlabs++;
        NumObjs += slab.Objects;
        Pages += 1L << slab.Order;
    }

    internal void AccountDiscardSlab(Slab slab)
    {
        NumSlabs--;
        NumObjs -= slab.Objects;
        Pages -= 1L << slab.Order;
    }

    /// <summary>add_partial (mm/slub.c): put a slab on the node partial list.</summary>
    internal void AddPartial(Slab slab, bool tail)
    {
        slab.List = SlabListKind.NodePartial;
        if (tail)
        {
            slab.Prev = _nodeTail;
            slab.Next = null;
            if (_nodeTail is null) _nodeHead = slab; else _nodeTail.Next = slab;
            _nodeTail = slab;
        }
        else
        {
            slab.Next = _nodeHead;
            slab.Prev = null;
            if (_nodeHead is null) _nodeTail = slab; else _nodeHead.Prev = slab;
            _nodeHead = slab;
        }
        NrPartial++;
        NodePartialFreeObjs += slab.FreeCount;
    }

    /// <summary>remove_partial (mm/slub.c).</summary>
    internal void RemovePartial(Slab slab)
    {
        if (slab.Prev is null) _nodeHead = slab.Next; else slab.Prev.Next = slab.Next;
        if (slab.Next is null) _nodeTail = slab.Prev; else slab.Next.Prev = slab.Prev;
        slab.Prev = slab.Next = null;
        slab.List = SlabListKind.Full;
        NrPartial--;
        NodePartialFreeObjs -= slab.FreeCount;
    }

    /// <summary>A free into a node-partial slab adds one free object there.</summary>
    internal void NoteNodePartialFree() => NodePartialFreeObjs++;

    /// <summary>The node partial list, head first.</summary>
    public IEnumerable<Slab> NodePartialSlabs()
    {
        for (Slab? s = _nodeHead; s is not null; s = s.Next) yield return s;
    }

    internal void AddToDigest(DigestWriter w)
    {
        w.Add(Name);
        w.Add(ObjectSizeBytes);
        w.Add(Refcount);
        w.Add(NumSlabs);
        w.Add(NumObjs);
        w.Add(InuseObjs);
        w.Add(NrPartial);
        w.Add(NodePartialFreeObjs);
        w.Add(CpuSlab?.Id ?? -1);
        for (Slab? s = CpuPartialHead; s is not null; s = s.Next) w.Add(s.Id);
        foreach (Slab s in NodePartialSlabs()) w.Add(s.Id);
        foreach (string a in _aliases) w.Add(a);
    }
}
