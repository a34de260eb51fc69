// Models zone->_watermark[] and watermark_boost (include/linux/mmzone.h), kernel-spec §3.2.
// The accessors add the boost, as min_wmark_pages() and friends do.
namespace MemQuest.Engine.PageAlloc;

public sealed class Watermarks
{
    public long MinBase { get; internal set; }
    public long LowBase { get; internal set; }
    public long HighBase { get; internal set; }
    public long PromoBase { get; internal set; }
    public long Boost { get; internal set; }

    public long Min => MinBase + Boost;
    public long Low => LowBase + Boost;
    public long High => HighBase + Boost;
    public long Promo => PromoBase + Boost;

    public long Get(WatermarkLevel level) => level switch
    {
        WatermarkLevel.Min => Min,
        WatermarkLevel.Low => Low,
        WatermarkLevel.High => High,
        _ => Promo,
    };
}
