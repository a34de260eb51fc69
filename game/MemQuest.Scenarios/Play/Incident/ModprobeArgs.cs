// The param=value words of a modprobe line (or a timed event's value), in order.
using MemQuest.Scenarios.Play.Incident;

namespace MemQuest.Scenarios.Play.Incident;

public static class ModprobeArgs
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string words) =>
        Parse(words.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static IReadOnlyList<KeyValuePair<string, string>> Parse(IEnumerable<string> words) =>
        words.Select(w => w.IndexOf('=') is int eq and > 0 ? new KeyValuePair<string, string>(w[..eq], w[(eq + 1)..]) : new(w, ""))
             .ToList();
}
