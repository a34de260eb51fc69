// Models kstrtol/simple_strtol with base 0 (lib/kstrtox.c): "0x" hex, leading-0 octal, decimal,
// an optional sign; the text proc handlers and oom_score_adj accept.
namespace MemQuest.Engine.Sysctl;

public static class KernelInt
{
    public static bool TryParse(string text, out long value)
    {
        value = 0;
        string s = text.Trim();
        if (s.Length == 0) return false;
        bool negative = false;
        if (s[0] == '-' || s[0] == '+') { negative = s[0] == '-'; s = s[1..]; }
        int radix = 10;
        if (s.Length > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) { radix = 16; s = s[2..]; }
        else if (s.Length > 1 && s[0] == '0') { radix = 8; s = s[1..]; }
        if (s.Length == 0) return false;
        long acc = 0;
        foreach (char c in s)
        {
            int digit = c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
            if (digit >= radix) return false;
            if (acc > (long.MaxValue - digit) / radix) return false;
            acc = acc * radix + digit;
        }
        value = negative ? -acc : acc;
        return true;
    }
}
