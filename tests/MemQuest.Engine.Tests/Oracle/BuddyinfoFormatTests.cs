// Fixture: buddyinfo-format.json (a real 6.18 kernel's /proc/buddyinfo, /proc/pagetypeinfo and
// /proc/zoneinfo). The renderers must print the same bytes for the same numbers.
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Procfs;

namespace MemQuest.Engine.Tests.Oracle;

public sealed class BuddyinfoFormatTests
{
    private const string Fixture = "buddyinfo-format.json";

    [Fact]
    public void Buddyinfo_FixtureCounts_RendersKernelBytes()
    {
        var parsed = OracleFixture.Load(Fixture).GetProperty("outputs").GetProperty("buddyinfo_parsed");
        var rows = parsed.EnumerateArray().Select(z => new Buddyinfo.Row(
            z.GetProperty("node").GetInt32(), z.GetProperty("zone").GetString()!,
            z.GetProperty("free_blocks_per_order").EnumerateArray().Select(v => v.GetInt64()).ToArray()));
        Assert.Equal(OracleFixture.Output(Fixture, "buddyinfo"), Buddyinfo.Render(rows));
    }

    [Fact] // kernel-spec §19 fact 7
    public void Buddyinfo_Fact7Line()
    {
        var row = new Buddyinfo.Row(0, "Normal", [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
        Assert.Equal("Node 0, zone   Normal      1      1      1      1      1      1      1      1      1      1      0 \n", Buddyinfo.Render([row]));
    }

    [Fact]
    public void Pagetypeinfo_FixtureCounts_RendersKernelBytes()
    {
        string expected = OracleFixture.Output(Fixture, "pagetypeinfo_full");
        Assert.Equal(expected, Pagetypeinfo.Render(ParsePagetypeinfo(expected)));
    }

    [Fact]
    public void Zoneinfo_FixtureNumbers_RendersKernelBytes()
    {
        string expected = OracleFixture.Output(Fixture, "zoneinfo_full");
        Assert.Equal(expected, Zoneinfo.Render(ZoneinfoText.Parse(expected)));
    }

    [Fact] // kernel-spec §2.3 / facts 79-80 checked against the oracle's pagesets and thresholds (2 CPUs)
    public void Zoneinfo_PagesetSizing_MatchesOracleForEachZone()
    {
        Zoneinfo.Model oracle = ZoneinfoText.Parse(OracleFixture.Output(Fixture, "zoneinfo_full"));
        foreach (Zoneinfo.ZoneBlock z in oracle.Zones.Where(z => z.Populated))
        {
            Zoneinfo.Pageset p = z.Pagesets[0];
            long batch = Zoneinfo.ZoneBatchsize(z.Managed);
            Assert.Equal(p.Batch, batch);
            Assert.Equal(p.HighMin, Math.Max(z.Low / 2, batch << 2));
            Assert.Equal(p.HighMax, Math.Max(z.Managed / 8 / 2, batch << 2));
            Assert.Equal(p.StatThreshold, Zoneinfo.StatThreshold(z.Managed, 2));
        }
    }

    [Fact] // 6.18's nr_free_pages_blocks counts free pages in blocks of pageblock order or more
    public void NrFreePagesBlocks_OracleDmaZone_Is3584()
    {
        Zone z = TestWorlds.SingleZone(4096, populate: false);
        BuddyAllocator.FreeOnePage(z, 256, 8);
        BuddyAllocator.FreeOnePage(z, 512, 9);
        for (int pfn = 1024; pfn < 4096; pfn += 1024) BuddyAllocator.FreeOnePage(z, pfn, 10);
        Assert.Equal(3840, z.NrFreePages);
        Assert.Equal(3584, z.NrFreePagesBlocks);
    }

    private static List<Pagetypeinfo.ZoneRow> ParsePagetypeinfo(string text)
    {
        var rows = new List<Pagetypeinfo.ZoneRow>();
        string[] lines = text.Split('\n');
        foreach (string line in lines.Where(l => l.Contains(", type ")))
        {
            string zone = line[16..24].Trim();
            string type = line[31..43].Trim();
            long[] counts = line[44..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();
            var row = rows.FirstOrDefault(r => r.Zone == zone);
            if (row is null)
            {
                row = new Pagetypeinfo.ZoneRow(0, zone, new long[Pagetypeinfo.TypeNames.Length][], new long[Pagetypeinfo.TypeNames.Length]);
                rows.Add(row);
            }
            row.FreeCounts[Array.IndexOf(Pagetypeinfo.TypeNames, type)] = counts;
        }
        foreach (string line in lines.Where(l => l.StartsWith("Node 0, zone") && !l.Contains("type")))
        {
            string zone = line[13..21].Trim();
            long[] blocks = line[22..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();
            Array.Copy(blocks, rows.First(r => r.Zone == zone).BlockCounts, blocks.Length);
        }
        return rows;
    }
}
