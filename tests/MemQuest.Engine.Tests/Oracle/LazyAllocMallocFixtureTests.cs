// lazy-alloc.json, outputs.malloc: glibc's source (heap or mmap) for each size in a fresh heap
// (malloc(16) kept) and a filled one (also a 120 KiB filler kept), before and after a free, and the
// heap size (brk − heap start) after malloc, free and the second malloc.
using System.Text.Json;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Malloc;
using MemQuest.Engine.Tests.Mm;

namespace MemQuest.Engine.Tests.Oracle;

public sealed class LazyAllocMallocFixtureTests
{
    public static TheoryData<long, string> Cases()
    {
        var data = new TheoryData<long, string>();
        foreach (JsonElement c in All()) data.Add(c.GetProperty("size").GetInt64(), c.GetProperty("heap_state").GetString()!);
        return data;
    }

    private static IEnumerable<JsonElement> All() =>
        OracleFixture.Load("lazy-alloc.json").GetProperty("outputs").GetProperty("malloc").EnumerateArray();

    [Theory]
    [MemberData(nameof(Cases))]
    public void LazyAllocJson_MallocSourceTable_MatchesGlibc(long size, string state)
    {
        JsonElement fx = All().First(c => c.GetProperty("size").GetInt64() == size && c.GetProperty("heap_state").GetString() == state);
        var box = new MmTestBox();
        Process p = box.Bare("malloc_probe");
        var m = new GlibcMalloc();
        m.Malloc(box.Vm, p, 16);
        if (state == "filled") m.Malloc(box.Vm, p, 120 * 1024);
        JsonElement stages = fx.GetProperty("stages");
        Assert.Equal(stages.GetProperty("before").GetProperty("heap_size").GetInt64(), HeapSize(p));
        MallocResult first = m.Malloc(box.Vm, p, size);
        JsonElement f = fx.GetProperty("first_malloc");
        Assert.Equal(f.GetProperty("source").GetString(), first.FromMmap ? "mmap" : "heap");
        Assert.Equal(f.GetProperty("heap_grew").GetBoolean(), first.HeapGrew);
        long mapStart = first.FromMmap ? first.MappingStart : m.HeapStart;
        Assert.Equal(f.GetProperty("offset_in_mapping").GetInt64(), first.Address - mapStart);
        Assert.Equal(stages.GetProperty("after_malloc").GetProperty("heap_size").GetInt64(), HeapSize(p));
        m.Free(box.Vm, p, first.Address);
        Assert.Equal(stages.GetProperty("after_free").GetProperty("heap_size").GetInt64(), HeapSize(p));
        MallocResult second = m.Malloc(box.Vm, p, size);
        Assert.Equal(fx.GetProperty("second_malloc").GetProperty("source").GetString(), second.FromMmap ? "mmap" : "heap");
        Assert.Equal(stages.GetProperty("after_malloc2").GetProperty("heap_size").GetInt64(), HeapSize(p));
    }

    private static long HeapSize(Process p) => p.Mm!.Space.Brk - p.Mm.Space.StartBrk;
}
