// The incident's wall time as the box shows it: the scenario's start time plus 100 ms per tick.
using MemQuest.Scenarios.Play.Incident;

namespace MemQuest.Scenarios.Play.Incident;

public sealed class IncidentClock(string startTime)
{
    private readonly long _startSeconds = Parse(startTime);

    /// <summary>HH:MM:SS at a tick.</summary>
    public string At(long tick)
    {
        long s = (_startSeconds + tick / 10) % 86400;
        return $"{s / 3600:D2}:{s / 60 % 60:D2}:{s % 60:D2}";
    }

    private static long Parse(string text)
    {
        string[] parts = text.Split(':');
        long total = 0;
        foreach (string p in parts.Take(3)) total = total * 60 + (long.TryParse(p, out long v) ? v : 0);
        for (int i = parts.Length; i < 3; i++) total *= 60;
        return total;
    }
}
