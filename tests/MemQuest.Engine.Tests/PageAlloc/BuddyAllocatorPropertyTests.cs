// Property tests over random alloc/free sequences (issue 3): no block is handed out twice, the free
// counts stay consistent with the lists (links both ways, and the head's cached successor), freeing everything restores the boot free counts, and the
// same seed and sequence give the same digest.
using CsCheck;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Tests.PageAlloc;

public sealed class BuddyAllocatorPropertyTests
{
    private const long BoxKb = 96 * 1024;

    /// <summary>An operation: allocate (order 0..5, a gfp kind) or free the i-th live block.</summary>
    private static readonly Gen<(bool Alloc, int Order, int Kind, int Pick)[]> Ops =
        Gen.Select(Gen.Bool, Gen.Int[0, 5], Gen.Int[0, 2], Gen.Int[0, 1 << 20]).Array[1, 400];

    private static readonly GfpFlags[] Kinds = [GfpFlags.GfpHighuserMovable, GfpFlags.GfpKernel, GfpFlags.GfpKernel | GfpFlags.Reclaimable];

    [Fact]
    public void RandomSequences_NeverHandOutABlockTwice_AndFreeingAllRestoresBootCounts()
    {
        Ops.Sample(ops =>
        {
            Machine m = Machine.Boot(new MachineSpec(BoxKb), 7);
            long[][] boot = m.Zones.Select(TestWorlds.Counts).ToArray();
            var owned = new bool[m.Node.Map.EndPfn];
            var live = new List<(long Pfn, int Order)>();
            foreach (var op in ops)
            {
                if (op.Alloc || live.Count == 0) AllocOne(m, owned, live, op.Order, Kinds[op.Kind]);
                else FreeOne(m, owned, live, op.Pick % live.Count);
                AssertCountsConsistent(m);
            }
            while (live.Count > 0) FreeOne(m, owned, live, live.Count - 1);
            Assert.Equal(boot, m.Zones.Select(TestWorlds.Counts).ToArray());
        }, iter: 60, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void SameSeedAndSequence_GiveSameDigest()
    {
        Ops.Sample(ops =>
        {
            Assert.Equal(Run(ops), Run(ops));
        }, iter: 20, seed: "0N0XIzNsQ0O2");
    }

    private static string Run((bool Alloc, int Order, int Kind, int Pick)[] ops)
    {
        Machine m = Machine.Boot(new MachineSpec(BoxKb), 11);
        var owned = new bool[m.Node.Map.EndPfn];
        var live = new List<(long, int)>();
        foreach (var op in ops)
        {
            if (op.Alloc || live.Count == 0) AllocOne(m, owned, live, op.Order, Kinds[op.Kind]);
            else FreeOne(m, owned, live, op.Pick % live.Count);
        }
        return m.Digest();
    }

    private static void AllocOne(Machine m, bool[] owned, List<(long, int)> live, int order, GfpFlags gfp)
    {
        long pfn = m.PageAlloc.AllocPages(order, gfp);
        if (pfn < 0) return;
        Assert.Equal(0, pfn & ((1L << order) - 1));
        for (long p = pfn; p < pfn + (1L << order); p++)
        {
            Assert.False(owned[p], $"pfn {p} handed out twice");
            Assert.False(m.Node.Map.IsBuddy(p), $"pfn {p} is still marked free");
            owned[p] = true;
        }
        live.Add((pfn, order));
    }

    private static void FreeOne(Machine m, bool[] owned, List<(long Pfn, int Order)> live, int index)
    {
        var (pfn, order) = live[index];
        live.RemoveAt(index);
        for (long p = pfn; p < pfn + (1L << order); p++) owned[p] = false;
        m.PageAlloc.FreePages(pfn, order);
    }

    /// <summary>Each block's prev link names the block before it, and the head's cached successor is the second block.</summary>
    private static void AssertLinksConsistent(Zone z, List<int> list, int order, MigrateType mt)
    {
        PageLinks[] links = z.Map.Links;
        for (int i = 0; i < list.Count; i++)
            Assert.Equal(i == 0 ? MemMap.NoPfn : list[i - 1], links[list[i]].Prev);
        Assert.Equal(list.Count > 1 ? list[1] : MemMap.NoPfn, z.CachedHeadNext(order, mt));
    }

    private static void AssertCountsConsistent(Machine m)
    {
        foreach (Zone z in m.Zones)
        {
            long pages = 0;
            for (int o = 0; o < Units.NrPageOrders; o++)
            {
                long blocks = 0;
                for (int mt = 0; mt < Zone.MigrateTypes; mt++)
                {
                    List<int> list = z.FreeList(o, (MigrateType)mt).ToList();
                    long onList = list.Count;
                    Assert.Equal(z.NrFreeOfType(o, (MigrateType)mt), onList);
                    AssertLinksConsistent(z, list, o, (MigrateType)mt);
                    blocks += onList;
                }
                Assert.Equal(z.NrFree(o), blocks);
                pages += blocks << o;
            }
            Assert.Equal(z.NrFreePages, pages);
        }
    }
}
