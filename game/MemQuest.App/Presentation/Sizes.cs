// Human sizes the way `free -h` prints them (binary units: Ki, Mi, Gi), for the memory bar, the
// graph and the process table. Pure and culture-invariant.
using System.Globalization;

namespace MemQuest.App.Presentation;

public static class Sizes
{
    /// <summary>1536 → "1.5Mi", 4194304 → "4.0Gi", 812 → "812Ki", 0 → "0B".</summary>
    public static string FromKb(long kb)
    {
        if (kb == 0) return "0B";
        string[] units = ["Ki", "Mi", "Gi", "Ti"];
        double value = kb;
        int unit = 0;
        while (Math.Abs(value) >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        string number = unit == 0 || Math.Abs(value) >= 10
            ? Math.Round(value).ToString("0", CultureInfo.InvariantCulture)
            : value.ToString("0.0", CultureInfo.InvariantCulture);
        return number + units[unit];
    }
}
