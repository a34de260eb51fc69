// Sizes as admins write them in configs and content: 4096 (kB), 64k, 512M, 3G, 1T (binary units).
namespace MemQuest.Scenarios.Workloads;

public static class SizeText
{
    public static bool TryParseKb(string text, out long kb)
    {
        kb = 0;
        string t = text.Trim();
        if (t.EndsWith("B", StringComparison.OrdinalIgnoreCase) && t.Length > 1 && char.IsLetter(t[^2])) t = t[..^1];
        if (t.Length == 0) return false;
        long shift = char.ToLowerInvariant(t[^1]) switch { 'k' => 0, 'm' => 10, 'g' => 20, 't' => 30, _ => -1 };
        string digits = shift < 0 ? t : t[..^1];
        if (!long.TryParse(digits, System.Globalization.NumberStyles.None, null, out long n)) return false;
        kb = n << (int)Math.Max(0, shift);
        return n < (1L << 40);
    }

    /// <summary>The shortest exact spelling: 3G, 512M, 64k.</summary>
    public static string FormatKb(long kb) =>
        kb != 0 && kb % (1 << 20) == 0 ? $"{kb >> 20}G" : kb != 0 && kb % 1024 == 0 ? $"{kb >> 10}M" : $"{kb}k";
}
