// Models enum zone_stat_item plus the NUMA event counters (include/linux/mmzone.h, names from mm/vmstat.c vmstat_text), in the
// exact order 6.18 prints them in /proc/zoneinfo and /proc/vmstat.
namespace MemQuest.Engine.PageAlloc;

public enum ZoneStatItem
{
    NrFreePages = 0,
    NrFreePagesBlocks = 1,
    NrZoneInactiveAnon = 2,
    NrZoneActiveAnon = 3,
    NrZoneInactiveFile = 4,
    NrZoneActiveFile = 5,
    NrZoneUnevictable = 6,
    NrZoneWritePending = 7,
    NrMlock = 8,
    NrZspages = 9,
    NrFreeCma = 10,
    NumaHit = 11,
    NumaMiss = 12,
    NumaForeign = 13,
    NumaInterleave = 14,
    NumaLocal = 15,
    NumaOther = 16,
    Count = 17,
}
