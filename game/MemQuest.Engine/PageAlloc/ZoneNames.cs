// Models zone_names[] (mm/page_alloc.c): the names /proc prints for each zone type.
namespace MemQuest.Engine.PageAlloc;

public static class ZoneNames
{
    public const int Count = 5;

    public static string Of(ZoneType type) => type switch
    {
        ZoneType.Dma => "DMA",
        ZoneType.Dma32 => "DMA32",
        ZoneType.Normal => "Normal",
        ZoneType.Movable => "Movable",
        ZoneType.Device => "Device",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
