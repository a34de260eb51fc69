// Models enum zone_type for x86-64 (include/linux/mmzone.h), kernel-spec §1.
namespace MemQuest.Engine.PageAlloc;

public enum ZoneType
{
    Dma = 0,
    Dma32 = 1,
    Normal = 2,
    Movable = 3,
    Device = 4,
}
