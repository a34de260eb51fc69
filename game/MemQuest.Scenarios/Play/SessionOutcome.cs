// How a run ended: status, the judge's verdicts, the final digest, the log that produced it, what
// the scorer needs, and the receipts and transcript for the debrief.
using MemQuest.Scenarios.Debrief;
using MemQuest.Scenarios.Judging;
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.Scenarios.Play;

public sealed record SessionOutcome(
    SessionStatus Status,
    IReadOnlyList<Verdict> Verdicts,
    string Digest,
    SessionLog Log,
    RunMetrics Metrics,
    Receipts Receipts,
    IReadOnlyList<TranscriptEntry> Transcript)
{
    public static SessionOutcome Of(Session s) =>
        new(s.Status, s.Verdicts, s.Digest(), s.Log, s.Metrics, s.Receipts, s.Transcript);

    /// <summary>The reasons a lost run was lost, in incident words.</summary>
    public IEnumerable<string> Reasons => Verdicts.Where(v => !v.Met).Select(v => v.Reason);
}
