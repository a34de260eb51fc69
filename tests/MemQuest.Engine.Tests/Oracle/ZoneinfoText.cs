// Reads /proc/zoneinfo text back into the renderer's model (test support: the format test feeds a
// real kernel's numbers through our renderer and expects the same bytes back).
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Procfs;

namespace MemQuest.Engine.Tests.Oracle;

internal static class ZoneinfoText
{
    public static Zoneinfo.Model Parse(string text)
    {
        var nodeStats = new long[(int)NodeStatItem.Count];
        var zones = new List<Zoneinfo.ZoneBlock>();
        string[] blocks = text.Split("Node 0, zone ", StringSplitOptions.RemoveEmptyEntries);
        foreach (string block in blocks)
        {
            var lines = block.Split('\n').ToList();
            string name = lines[0].Trim();
            bool hasNodeStats = lines.Count > 1 && lines[1].Trim() == "per-node stats";
            var kv = new Dictionary<string, long>();
            foreach (string l in lines.Skip(1))
            {
                string[] parts = l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2 && long.TryParse(parts[1], out long v)) kv.TryAdd(parts[0], v);
            }
            if (hasNodeStats)
                for (int i = 0; i < nodeStats.Length; i++)
                {
                    long v = kv[NodeStatNames.All[i]];
                    nodeStats[i] = NodeStatNames.All[i].Contains("hugepages") || NodeStatNames.All[i].Contains("pmdmapped") ? v * 512 : v;
                }
            zones.Add(ParseZone(name, hasNodeStats, lines, kv));
        }
        return new Zoneinfo.Model(0, nodeStats, zones);
    }

    private static Zoneinfo.ZoneBlock ParseZone(string name, bool nodeStats, List<string> lines, Dictionary<string, long> kv)
    {
        string prot = lines.First(l => l.Contains("protection:"));
        long[] protection = prot[(prot.IndexOf('(') + 1)..prot.IndexOf(')')].Split(", ").Select(long.Parse).ToArray();
        bool populated = lines.Any(l => l.Contains("pagesets"));
        var zoneStats = new long[(int)ZoneStatItem.Count];
        var pagesets = new List<Zoneinfo.Pageset>();
        if (populated)
        {
            for (int i = 0; i < zoneStats.Length; i++) zoneStats[i] = kv[ZoneStatNames.All[i]];
            pagesets = ParsePagesets(lines);
        }
        long Get(string key) => long.Parse(lines.First(l => l.TrimStart().StartsWith(key + " ", StringComparison.Ordinal)).Trim()[key.Length..].Trim());
        return new Zoneinfo.ZoneBlock(name, populated, nodeStats, Get("pages free"), Get("boost"), Get("min"), Get("low"), Get("high"), Get("promo"),
            Get("spanned"), Get("present"), Get("managed"), Get("cma"), protection, zoneStats, pagesets,
            populated && Get("node_unreclaimable:") == 1, populated ? Get("start_pfn:") : 0);
    }

    private static List<Zoneinfo.Pageset> ParsePagesets(List<string> lines)
    {
        var result = new List<Zoneinfo.Pageset>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (!lines[i].TrimStart().StartsWith("cpu:", StringComparison.Ordinal)) continue;
            long V(int offset) => long.Parse(lines[i + offset].Split(':')[1].Trim());
            result.Add(new Zoneinfo.Pageset(V(1), V(2), V(3), V(4), V(5), (int)V(6)));
        }
        return result;
    }
}
