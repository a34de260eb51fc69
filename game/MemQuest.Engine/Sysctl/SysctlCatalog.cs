// Models the vm.* sysctl table (kernel/sysctl.c, mm/page_alloc.c, mm/util.c, mm/vmscan.c,
// mm/oom_kill.c, mm/compaction.c, fs/drop_caches.c, mm/page-writeback.c) with 6.18 defaults and
// ranges. Values computed at boot (min_free_kbytes, the reserves) carry a placeholder default.
namespace MemQuest.Engine.Sysctl;

public static class SysctlCatalog
{
    public const string AdminReserveKbytes = "admin_reserve_kbytes";
    public const string CompactMemory = "compact_memory";
    public const string DirtyExpireCentisecs = "dirty_expire_centisecs";
    public const string DirtyWritebackCentisecs = "dirty_writeback_centisecs";
    public const string DirtyRatio = "dirty_ratio";
    public const string DirtyBackgroundRatio = "dirty_background_ratio";
    public const string DropCaches = "drop_caches";
    public const string ExtfragThreshold = "extfrag_threshold";
    public const string LowmemReserveRatio = "lowmem_reserve_ratio";
    public const string MinFreeKbytes = "min_free_kbytes";
    public const string OomDumpTasks = "oom_dump_tasks";
    public const string OomKillAllocatingTask = "oom_kill_allocating_task";
    public const string OvercommitKbytes = "overcommit_kbytes";
    public const string OvercommitMemory = "overcommit_memory";
    public const string OvercommitRatio = "overcommit_ratio";
    public const string PanicOnOom = "panic_on_oom";
    public const string Swappiness = "swappiness";
    public const string UserReserveKbytes = "user_reserve_kbytes";
    public const string VfsCachePressure = "vfs_cache_pressure";
    public const string WatermarkBoostFactor = "watermark_boost_factor";
    public const string WatermarkScaleFactor = "watermark_scale_factor";

    /// <summary>Every knob, sorted by name (the order `sysctl -a` lists them and the digest hashes them).</summary>
    public static readonly SysctlDefinition[] All =
    [
        new(AdminReserveKbytes, 8192, Min: 0),
        new(CompactMemory, 0, Min: 1, Max: 1, WriteOnly: true),
        new("compact_unevictable_allowed", 1, 0, 1),
        new("compaction_proactiveness", 20, 0, 100),
        new("dirty_background_bytes", 0, Min: 0),
        new(DirtyBackgroundRatio, 10, 0, 100),
        new("dirty_bytes", 0, Min: 0),
        new(DirtyExpireCentisecs, 3000, Min: 0),
        new(DirtyRatio, 20, 0, 100),
        new(DirtyWritebackCentisecs, 500, Min: 0),
        new(DropCaches, 0, 1, 4, WriteOnly: true),
        new(ExtfragThreshold, 500, 0, 1000),
        new("laptop_mode", 0, Min: 0),
        new(LowmemReserveRatio, 0, Min: 0, Length: 5),
        new("max_map_count", 65530, Min: 0),
        new(MinFreeKbytes, 0, Min: 0),
        new("mmap_min_addr", 4096, Min: 0),
        new("nr_hugepages", 0, Min: 0),
        new(OomDumpTasks, 1, 0, 1),
        new(OomKillAllocatingTask, 0),
        new(OvercommitKbytes, 0, Min: 0),
        new(OvercommitMemory, 0, 0, 2),
        new(OvercommitRatio, 50),
        new("page-cluster", 3, 0, 31),
        new(PanicOnOom, 0, 0, 2),
        new("percpu_pagelist_high_fraction", 0, Min: 0),
        new("stat_interval", 1),
        new(Swappiness, 60, 0, 200),
        new(UserReserveKbytes, 131072, Min: 0),
        new(VfsCachePressure, 100, Min: 0),
        new(WatermarkBoostFactor, 15000, Min: 0),
        new(WatermarkScaleFactor, 10, 1, 3000),
        new("zone_reclaim_mode", 0, Min: 0),
    ];

    /// <summary>Default of lowmem_reserve_ratio: DMA, DMA32, Normal, Movable, Device (kernel-spec §3.3).</summary>
    public static readonly long[] DefaultLowmemReserveRatio = [256, 256, 32, 0, 0];

    public static SysctlDefinition? Find(string name)
    {
        foreach (SysctlDefinition d in All)
            if (d.Name == name) return d;
        return null;
    }
}
