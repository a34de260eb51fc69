// Tiny worlds for tests (architecture §8): single zones of a few pages and nodes whose zones have
// exactly the managed sizes a fact names, without booting a whole box.
using MemQuest.Engine;
using MemQuest.Engine.Events;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Tests;

internal static class TestWorlds
{
    /// <summary>One Normal zone of <paramref name="pages"/> free pages starting at pfn 0.</summary>
    public static Zone SingleZone(long pages, bool populate = true) =>
        ZoneLayout.SingleZone(pages, new KernelEventLog(), 0, populate).Zones[(int)ZoneType.Normal];

    /// <summary>A node whose zones DMA, DMA32, Normal, Movable, Device have these managed pages (no free lists).</summary>
    public static PgData NodeWithManaged(params long[] managed)
    {
        var events = new KernelEventLog();
        var map = new MemMap(1);
        var zones = new Zone[ZoneNames.Count];
        for (int i = 0; i < zones.Length; i++)
        {
            long m = i < managed.Length ? managed[i] : 0;
            zones[i] = new Zone((ZoneType)i, map, 0, m, m, events) { ManagedPages = m };
        }
        return new PgData(map, zones);
    }

    public static long[] Counts(Zone z) => Enumerable.Range(0, Units.NrPageOrders).Select(o => z.NrFree(o)).ToArray();

    public static string CountsText(Zone z) => string.Join(' ', Counts(z));
}
