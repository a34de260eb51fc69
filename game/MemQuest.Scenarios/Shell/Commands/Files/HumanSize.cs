// gnulib human_readable with human_autoscale | human_round_to_nearest | human_space_before_unit |
// human_B (what dd prints): one decimal below 10, else a whole number; SI (kB, MB) or IEC (KiB, MiB).
namespace MemQuest.Scenarios.Shell.Commands.Files;

public static class HumanSize
{
    public static string Format(long amount, int b)
    {
        string[] units = b == 1000 ? ["B", "kB", "MB", "GB", "TB", "PB"] : ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
        int e = 0;
        long power = 1;
        while (e < units.Length - 1 && amount / power >= b) { power *= b; e++; }
        if (e == 0) return $"{amount} B";
        long tenths = (amount * 10 + power / 2) / power;
        if (tenths < 100) return $"{tenths / 10}.{tenths % 10} {units[e]}";
        long whole = (amount + power / 2) / power;
        if (whole >= b && e < units.Length - 1) return $"1.0 {units[e + 1]}";
        return $"{whole} {units[e]}";
    }
}
