// Oracle test for Oracle/Fixtures/slab-geometry.json (kernel-spec §5.1-§5.4): every one of the 235
// caches of a real 6.18 box (2 CPUs) must get its objsize, objperslab, pagesperslab, order, align,
// min_partial and cpu_partial from the engine's own geometry of the catalogue's object size,
// alignment and flags; every merged name must resolve to the same /sys/kernel/slab directory.
using System.Text.Json;
using MemQuest.Engine;
using MemQuest.Engine.Slab;

namespace MemQuest.Engine.Tests.Oracle;

public sealed class SlabGeometryFixtureTests
{
    private static readonly JsonElement Fixture = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Oracle", "Fixtures", "slab-geometry.json"))).RootElement;
    private static readonly Lazy<Machine> Box = new(() => Machine.Boot(new MachineSpec(1L << 20, Fixture.GetProperty("env").GetProperty("nr_cpus").GetInt32()), 1));

    public static TheoryData<string> CacheNames()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement c in Fixture.GetProperty("outputs").GetProperty("caches").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    public static TheoryData<string, string> Aliases()
    {
        var data = new TheoryData<string, string>();
        foreach (JsonProperty a in Fixture.GetProperty("outputs").GetProperty("sysfs_aliases").EnumerateObject()) data.Add(a.Name, a.Value.GetString()!);
        return data;
    }

    private static JsonElement Expected(string name) =>
        Fixture.GetProperty("outputs").GetProperty("caches").EnumerateArray().First(c => c.GetProperty("name").GetString() == name);

    [Theory, MemberData(nameof(CacheNames))]
    public void Geometry_FixtureCache_MatchesSlabinfoColumns(string name)
    {
        JsonElement e = Expected(name);
        KmemCache? cache = Box.Value.Slab.Find(name);
        Assert.NotNull(cache);
        Assert.Equal(name, cache.Name);
        Assert.Equal(e.GetProperty("objsize").GetInt32(), cache.SizeBytes);
        Assert.Equal(e.GetProperty("objperslab").GetInt32(), cache.Layout.ObjPerSlab);
        Assert.Equal(e.GetProperty("pagesperslab").GetInt32(), cache.Layout.PagesPerSlab);
    }

    [Theory, MemberData(nameof(CacheNames))]
    public void Geometry_FixtureCache_MatchesSysfsAttributes(string name)
    {
        JsonElement sysfs = Expected(name).GetProperty("sysfs");
        KmemCache cache = Box.Value.Slab.Find(name)!;
        Assert.Equal(sysfs.GetProperty("sysfs_unique_name").GetString(), cache.SysfsName);
        Assert.Equal(sysfs.GetProperty("object_size").GetInt32(), cache.ObjectSizeBytes);
        Assert.Equal(sysfs.GetProperty("slab_size").GetInt32(), cache.SizeBytes);
        Assert.Equal(sysfs.GetProperty("order").GetInt32(), cache.Layout.Order);
        Assert.Equal(sysfs.GetProperty("align").GetInt32(), cache.Layout.AlignBytes);
        Assert.Equal(sysfs.GetProperty("min_partial").GetInt32(), cache.Layout.MinPartial);
        Assert.Equal(sysfs.GetProperty("cpu_partial").GetInt32(), cache.Layout.CpuPartial);
        Assert.Equal(sysfs.GetProperty("reclaim_account").GetInt32() == 1, cache.IsReclaimable);
    }

    [Theory, MemberData(nameof(Aliases))]
    public void Merge_SysfsAlias_ResolvesToSameCacheDirectory(string alias, string sysfsName)
    {
        KmemCache? cache = Box.Value.Slab.Find(alias);
        Assert.NotNull(cache);
        Assert.Equal(sysfsName, cache.SysfsName);
    }

    [Fact]
    public void Slabinfo_CacheList_HasTheFixturesNamesInItsOrder()
    {
        string[] expected = [.. Fixture.GetProperty("outputs").GetProperty("caches").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];
        string[] actual = [.. Box.Value.Slab.Caches.Reverse().Select(c => c.Name)];
        Assert.Equal(expected, actual);
    }
}
