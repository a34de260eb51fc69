// Models the vmstat_text[] names of ZoneStatItem (mm/vmstat.c).
namespace MemQuest.Engine.PageAlloc;

public static class ZoneStatNames
{
    public static readonly string[] All =
    [
        "nr_free_pages",
        "nr_free_pages_blocks",
        "nr_zone_inactive_anon",
        "nr_zone_active_anon",
        "nr_zone_inactive_file",
        "nr_zone_active_file",
        "nr_zone_unevictable",
        "nr_zone_write_pending",
        "nr_mlock",
        "nr_zspages",
        "nr_free_cma",
        "numa_hit",
        "numa_miss",
        "numa_foreign",
        "numa_interleave",
        "numa_local",
        "numa_other",
    ];

    public static string Of(ZoneStatItem item) => All[(int)item];
}
