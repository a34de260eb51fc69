// Models gfp_t bits (include/linux/gfp_types.h, 6.x numbering) and the common combinations,
// kernel-spec §3.4-§3.5 and §14.5 (gfp_mask=0xcc0(GFP_KERNEL)).
namespace MemQuest.Engine.PageAlloc;

[Flags]
public enum GfpFlags : uint
{
    None = 0,
    Dma = 0x01,
    Highmem = 0x02,
    Dma32 = 0x04,
    Movable = 0x08,
    Reclaimable = 0x10,
    High = 0x20,
    Io = 0x40,
    Fs = 0x80,
    Zero = 0x100,
    DirectReclaim = 0x400,
    KswapdReclaim = 0x800,
    Write = 0x1000,
    NoWarn = 0x2000,
    RetryMayfail = 0x4000,
    NoFail = 0x8000,
    NoRetry = 0x10000,
    Memalloc = 0x20000,
    Comp = 0x40000,
    NoMemalloc = 0x80000,
    Hardwall = 0x100000,
    ThisNode = 0x200000,
    Account = 0x400000,

    Reclaim = DirectReclaim | KswapdReclaim,
    GfpAtomic = High | KswapdReclaim,
    GfpNowait = KswapdReclaim,
    GfpNoio = Reclaim,
    GfpNofs = Reclaim | Io,
    GfpKernel = Reclaim | Io | Fs,
    GfpKernelAccount = GfpKernel | Account,
    GfpUser = Reclaim | Io | Fs | Hardwall,
    GfpHighuser = GfpUser | Highmem,
    GfpHighuserMovable = GfpHighuser | Movable,
    GfpTransHugeLight = (GfpHighuserMovable | Comp | NoMemalloc | NoWarn) & ~Reclaim,
    GfpTransHuge = GfpTransHugeLight | DirectReclaim,
}
