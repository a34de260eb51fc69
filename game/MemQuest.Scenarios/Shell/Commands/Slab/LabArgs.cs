// Not a kernel structure: argument parsing shared by the lab's allocator helpers (kmalloc,
// vmalloc, kvmalloc, kfree, vfree): sizes in bytes with an optional K/M/G suffix, kernel
// addresses in hex, and the GFP flag names a kernel developer would pass.
using System.Globalization;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Scenarios.Shell.Commands.Slab;

public static class LabArgs
{
    /// <summary>"100", "8k", "4M", "1G" → bytes; false for anything else (or above 1 TiB).</summary>
    public static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        string t = text.Trim();
        long unit = 1;
        if (t.Length > 1 && char.IsLetter(t[^1]))
        {
            unit = char.ToUpperInvariant(t[^1]) switch { 'K' => 1024L, 'M' => 1L << 20, 'G' => 1L << 30, _ => 0 };
            t = t[..^1];
        }
        if (unit == 0 || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out long n) || n > (1L << 40) / unit) return false;
        bytes = n * unit;
        return true;
    }

    /// <summary>"0xffff888100000000" → the address as the engine's long handle.</summary>
    public static bool TryParseAddress(string text, out long address)
    {
        address = 0;
        string t = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (!ulong.TryParse(t, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong a)) return false;
        address = unchecked((long)a);
        return true;
    }

    /// <summary>--gfp names: kernel (GFP_KERNEL), atomic, account (GFP_KERNEL_ACCOUNT), reclaimable, dma, nowait.</summary>
    public static GfpFlags? ParseGfp(string name) => name switch
    {
        "kernel" => GfpFlags.GfpKernel,
        "atomic" => GfpFlags.GfpAtomic,
        "account" => GfpFlags.GfpKernelAccount,
        "reclaimable" => GfpFlags.GfpKernel | GfpFlags.Reclaimable,
        "dma" => GfpFlags.GfpKernel | GfpFlags.Dma,
        "nowait" => GfpFlags.GfpNowait,
        _ => null,
    };

    public static string Hex(long address) => $"0x{(ulong)address:x16}";
}
