// The judge's answer for one run: scored, or rejected with the reason.
namespace MemQuest.Scenarios.Events;

public sealed record RunVerdict(JudgedRun? Run, string? Reason)
{
    public static RunVerdict Rejected(string reason) => new(null, reason);
}
