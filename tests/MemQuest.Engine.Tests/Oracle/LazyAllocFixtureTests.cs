// lazy-alloc.json, outputs.mmap: for every size and variant (default, MADV_HUGEPAGE,
// MADV_NOHUGEPAGE) the stage deltas of VmSize, VmRSS, RssAnon, VmPTE, AnonHugePages and minor
// faults, replayed on one process as lazy_alloc.c does: mmap, read all, write all, munmap; mmap,
// write every other page, munmap; mmap, write all, munmap.
// One delta depends on where the kernel placed the mapping (a 1 MiB mapping may or may not need a
// new PTE page: the fixture shows +0 and +4 kB); there the sim must show one of those two values.
using System.Text.Json;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Tests.Mm;

namespace MemQuest.Engine.Tests.Oracle;

public sealed class LazyAllocFixtureTests
{
    public static TheoryData<long, string> Cases()
    {
        var data = new TheoryData<long, string>();
        foreach (JsonElement m in Mmap()) data.Add(m.GetProperty("size").GetInt64(), m.GetProperty("variant").GetString()!);
        return data;
    }

    private static IEnumerable<JsonElement> Mmap() =>
        OracleFixture.Load("lazy-alloc.json").GetProperty("outputs").GetProperty("mmap").EnumerateArray();

    private sealed record Snap(long VmSize, long VmRss, long RssAnon, long VmPte, long AnonHuge, long MinFlt);

    private static Snap Take(Process p) => new(MmTestBox.SizeKb(p), MmTestBox.RssKb(p), MmTestBox.AnonKb(p),
        MmTestBox.PteKb(p), AnonHugeKb(p), p.MinFlt);

    private static long AnonHugeKb(Process p) =>
        p.Mm!.Space.Tables.PteTables.Count(t => t.Value.HugeEntry > 0) * 2048L;

    [Theory]
    [MemberData(nameof(Cases))]
    public void LazyAllocJson_MmapStages_GiveTheKernelsDeltas(long size, string variant)
    {
        JsonElement fx = Mmap().First(m => m.GetProperty("size").GetInt64() == size && m.GetProperty("variant").GetString() == variant);
        var box = new MmTestBox();   // 4 GiB: the deltas do not depend on RAM size
        Process p = box.Bare("lazy_alloc");
        var snaps = new Dictionary<string, Snap> { ["before_mmap"] = Take(p) };
        long addr = MapOne(box, p, size, variant);
        snaps["after_mmap"] = Take(p);
        Touch(box, p, addr, size, write: false, stridePages: 1);
        snaps["after_read_all"] = Take(p);
        Touch(box, p, addr, size, write: true, stridePages: 1);
        snaps["after_write_all"] = Take(p);
        box.Vm.Munmap(p, addr, size);
        snaps["after_munmap"] = Take(p);
        addr = MapOne(box, p, size, variant);
        snaps["fresh2_after_mmap"] = Take(p);
        Touch(box, p, addr, size, write: true, stridePages: 2);
        snaps["fresh2_after_write_every_other"] = Take(p);
        box.Vm.Munmap(p, addr, size);
        addr = MapOne(box, p, size, variant);
        snaps["fresh3_after_mmap"] = Take(p);
        Touch(box, p, addr, size, write: true, stridePages: 1);
        snaps["fresh3_after_write_all"] = Take(p);
        foreach (JsonProperty d in fx.GetProperty("deltas").EnumerateObject())
        {
            string[] parts = d.Name.Split(" - ");
            Snap a = snaps[parts[0]], b = snaps[parts[1]];
            Assert.Equal(d.Value.GetProperty("VmSize_kb").GetInt64(), a.VmSize - b.VmSize);
            Assert.Equal(d.Value.GetProperty("VmRSS_kb").GetInt64(), a.VmRss - b.VmRss);
            Assert.Equal(d.Value.GetProperty("RssAnon_kb").GetInt64(), a.RssAnon - b.RssAnon);
            Assert.Equal(d.Value.GetProperty("AnonHugePages_kb").GetInt64(), a.AnonHuge - b.AnonHuge);
            Assert.Equal(d.Value.GetProperty("minflt").GetInt64(), a.MinFlt - b.MinFlt);
            long pte = a.VmPte - b.VmPte, want = d.Value.GetProperty("VmPTE_kb").GetInt64();
            if (size == 1 << 20) Assert.Contains(Math.Abs(pte), new long[] { 0, 4 });
            else Assert.Equal(want, pte);
        }
    }

    private static long MapOne(MmTestBox box, Process p, long size, string variant)
    {
        long addr = box.Vm.MmapAnon(p, size, writable: true, noReserve: false);
        Assert.True(addr > 0);
        if (variant != "default") box.Vm.Madvise(p, addr, size, hugepage: variant == "hugepage");
        return addr;
    }

    private static void Touch(MmTestBox box, Process p, long addr, long size, bool write, int stridePages)
    {
        for (long off = 0; off < size; off += stridePages * Units.PageSize) box.Vm.Faults.Handle(p, addr + off, write);
    }
}
