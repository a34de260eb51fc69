// Models /proc/buddyinfo (frag_show_print, mm/vmstat.c), kernel-spec §4.1: one line per populated
// zone, "Node %d, zone %8s " then "%6lu " per order, then a newline (note the trailing space).
using System.Text;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Procfs;

public static class Buddyinfo
{
    public sealed record Row(int Node, string Zone, long[] NrFree);

    public static IReadOnlyList<Row> Compute(PgData node) =>
        node.PopulatedZones
            .Select(z => new Row(node.NodeId, z.Name, Enumerable.Range(0, Units.NrPageOrders).Select(o => z.NrFree(o)).ToArray()))
            .ToList();

    public static string Render(IEnumerable<Row> rows)
    {
        var sb = new StringBuilder();
        foreach (Row r in rows)
        {
            sb.Append($"Node {r.Node}, zone {r.Zone,8} ");
            foreach (long n in r.NrFree) sb.Append($"{n,6} ");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public static string Render(PgData node) => Render(Compute(node));
}
