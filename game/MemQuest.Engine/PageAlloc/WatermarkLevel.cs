// Models enum zone_watermarks (include/linux/mmzone.h): WMARK_MIN, WMARK_LOW, WMARK_HIGH, WMARK_PROMO.
namespace MemQuest.Engine.PageAlloc;

public enum WatermarkLevel
{
    Min = 0,
    Low = 1,
    High = 2,
    Promo = 3,
}
