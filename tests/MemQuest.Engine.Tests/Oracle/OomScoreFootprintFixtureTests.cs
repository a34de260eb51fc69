// oom-score.json: each case's child (map, touch, stride, regions, spacing, read, noreserve) rebuilt
// from its inputs on a box of the oracle's size; its status numbers must match the kernel's.
// The kernel's numbers carry ASLR and page-cache noise: RssFile moves with how many libc pages
// fault-around mapped (1316..1528 kB), VmPTE with where the libraries landed (40..48 kB idle),
// RssAnon by one page. The sim is one fixed layout, so those three get the spread the idle cases
// themselves show; VmSize, VmData and the mapping-driven parts must be exact.
using System.Text.Json;
using MemQuest.Engine.Mm.Exec;

namespace MemQuest.Engine.Tests.Oracle;

public sealed class OomScoreFootprintFixtureTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement c in OracleFixture.Load("oom-score.json").GetProperty("outputs").GetProperty("cases").EnumerateArray())
            data.Add(c.GetProperty("input").GetProperty("label").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void OomScoreJson_CaseInputs_GiveTheKernelsStatusNumbers(string label)
    {
        JsonElement c = OracleFixture.Load("oom-score.json").GetProperty("outputs").GetProperty("cases").EnumerateArray()
            .First(x => x.GetProperty("input").GetProperty("label").GetString() == label);
        JsonElement input = c.GetProperty("input");
        JsonElement status = c.GetProperty("output").GetProperty("samples")[0].GetProperty("status");
        var box = new Mm.MmTestBox();   // 4 GiB: enough for every case; the sizes do not depend on RAM
        bool read = input.GetProperty("read").GetInt64() != 0;
        var spec = new LabProgramSpec(
            MapBytes: input.GetProperty("map").GetInt64(),
            TouchBytes: input.GetProperty("touch").GetInt64(),
            Read: read,
            StrideBytes: input.GetProperty("stride").GetInt64(),
            Regions: input.GetProperty("regions").GetInt32(),
            SpacingBytes: input.GetProperty("spacing").GetInt64(),
            NoReserve: input.GetProperty("noreserve").GetInt64() != 0);
        var p = box.Spawn("oomchild", spec);
        Assert.Equal(status.GetProperty("VmSize").GetInt64(), Mm.MmTestBox.SizeKb(p));
        Assert.Equal(status.GetProperty("VmPeak").GetInt64(), Units.K(Math.Max(p.Mm!.TotalVmPages, p.Mm.HiwaterVmPages)));
        Assert.Equal(status.GetProperty("VmData").GetInt64(), Mm.MmTestBox.DataKb(p));
        Assert.InRange(Mm.MmTestBox.AnonKb(p) - status.GetProperty("RssAnon").GetInt64(), -4, 4);
        Assert.InRange(Mm.MmTestBox.FileKb(p), 1316, 1528);
        Assert.InRange(Mm.MmTestBox.PteKb(p) - status.GetProperty("VmPTE").GetInt64(), -8, 8);
        Assert.InRange(Mm.MmTestBox.RssKb(p) - status.GetProperty("VmRSS").GetInt64(), -216, 216);
    }
}
