// Parses the lab's SIZE arguments: bytes, or a number with k/m/g/t (binary units, any case, an
// optional trailing "b" or "ib"): 24684084k, 4G, 512MiB.

namespace MemQuest.App.Cli;

public static class SizeParser
{
    public static bool TryParseBytes(string text, out long bytes)
    {
        bytes = 0;
        string s = text.Trim().ToLowerInvariant();
        if (s.EndsWith("ib", StringComparison.Ordinal)) s = s[..^2];
        else if (s.EndsWith('b') && s.Length > 1 && char.IsLetter(s[^2])) s = s[..^1];
        int shift = 0;
        if (s.Length > 0 && "kmgt".Contains(s[^1]))
        {
            shift = 10 * ("kmgt".IndexOf(s[^1]) + 1);
            s = s[..^1];
        }
        if (!long.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n)) return false;
        if (n > (long.MaxValue >> shift)) return false;
        bytes = n << shift;
        return true;
    }
}
