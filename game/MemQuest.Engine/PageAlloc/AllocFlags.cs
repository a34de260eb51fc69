// Models the internal ALLOC_* flags of mm/internal.h that steer the watermark check, kernel-spec §3.4.
namespace MemQuest.Engine.PageAlloc;

[Flags]
public enum AllocFlags
{
    WmarkMin = 0x00,
    WmarkLow = 0x01,
    WmarkHigh = 0x02,
    NoWatermarks = 0x04,
    WmarkMask = NoWatermarks - 1,
    Oom = 0x08,
    NonBlock = 0x10,
    MinReserve = 0x20,
    HighAtomic = 0x200,
    NoFragment = 0x100,
    Kswapd = 0x800,
    Reserves = NonBlock | MinReserve | HighAtomic | Oom,
}
