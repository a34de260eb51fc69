// Receipt for one compact_zone run (mm/compaction.c): the zone, the order it worked for (-1: the
// whole zone, as compact_memory asks), pages scanned by each scanner, pages migrated, and the result.
namespace MemQuest.Engine.Events.Reclaim;

public sealed record CompactionFinished(long Tick, string Zone, int Order, long MigrateScanned, long FreeScanned, long Migrated, long Failed, string Result)
    : KernelEvent(Tick)
{
    public override string Describe() =>
        $"compaction of zone {Zone} for order {Order}: migrate scanner saw {MigrateScanned} pages, free scanner {FreeScanned}; moved {Migrated} pages ({Failed} could not move): {Result}";
}
