// Models enum migratetype (include/linux/mmzone.h), kernel-spec §1 and §2.4.
namespace MemQuest.Engine.PageAlloc;

public enum MigrateType : byte
{
    Unmovable = 0,
    Movable = 1,
    Reclaimable = 2,
    HighAtomic = 3,
    Isolate = 4,
}
