// Models the kernel's integer helpers (kernel-spec §0.1): fls, ilog2, get_order, int_sqrt, K(),
// mult_frac, rounddown_pow_of_two, ALIGN. Every unit conversion in the engine goes through here.
// Invariants: pure functions with C integer semantics; no floating point.
namespace MemQuest.Engine;

public static class Units
{
    public const int PageShift = 12;
    public const long PageSize = 1L << PageShift;
    /// <summary>MAX_PAGE_ORDER (include/linux/mmzone.h), kernel-spec §0.1: orders 0..10.</summary>
    public const int MaxPageOrder = 10;
    public const int NrPageOrders = MaxPageOrder + 1;
    public const int PageblockOrder = 9;
    public const int PageblockNrPages = 1 << PageblockOrder;
    public const int PageAllocCostlyOrder = 3;
    public const int SwapClusterMax = 32;

    /// <summary>fls (include/asm-generic/bitops/fls.h): 1-based index of the highest set bit, fls(0) = 0.</summary>
    public static int Fls(ulong x) => x == 0 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount(x);

    /// <summary>ilog2: fls(x) - 1 for x &gt; 0.</summary>
    public static int ILog2(ulong x) => x == 0 ? throw new ArgumentOutOfRangeException(nameof(x)) : Fls(x) - 1;

    /// <summary>get_order (include/asm-generic/getorder.h): smallest o with PAGE_SIZE &lt;&lt; o &gt;= size.</summary>
    public static int GetOrder(long sizeBytes)
    {
        if (sizeBytes <= 0) throw new ArgumentOutOfRangeException(nameof(sizeBytes), "get_order of a size <= 0 is undefined");
        ulong pages = (ulong)((sizeBytes - 1) >> PageShift);
        return Fls(pages);
    }

    /// <summary>int_sqrt (lib/math/int_sqrt.c): floor of the square root, computed on integers.</summary>
    public static ulong IntSqrt(ulong x)
    {
        if (x <= 1) return x;
        ulong m = 1UL << ((Fls(x) - 1) & ~1);
        ulong y = 0;
        while (m != 0)
        {
            ulong b = y + m;
            y >>= 1;
            if (x >= b) { x -= b; y += m; }
            m >>= 2;
        }
        return y;
    }

    /// <summary>K(pages) (fs/proc/meminfo.c): pages to kB.</summary>
    public static long K(long pages) => pages << (PageShift - 10);

    public static long KbToPages(long kb) => kb >> (PageShift - 10);
    public static long BytesToPages(long bytes) => bytes >> PageShift;
    public static long PagesToBytes(long pages) => pages << PageShift;

    /// <summary>mult_frac (include/linux/math.h): (x/d)*n + ((x%d)*n)/d without overflow.</summary>
    public static long MultFrac(long x, long n, long d) => (x / d) * n + ((x % d) * n) / d;

    /// <summary>rounddown_pow_of_two: the largest power of two &lt;= x (x &gt; 0).</summary>
    public static long RounddownPowOfTwo(long x) => x <= 0 ? 0 : 1L << (Fls((ulong)x) - 1);

    /// <summary>ALIGN(x, a): round x up to a multiple of the power of two a.</summary>
    public static long Align(long x, long a) => (x + a - 1) & ~(a - 1);

    /// <summary>ALIGN_DOWN(x, a).</summary>
    public static long AlignDown(long x, long a) => x & ~(a - 1);

    /// <summary>PAGE_ALIGN(bytes).</summary>
    public static long PageAlign(long bytes) => Align(bytes, PageSize);
}
