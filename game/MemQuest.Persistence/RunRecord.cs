using MemQuest.Persistence.Documents;

namespace MemQuest.Persistence;

/// <summary>
/// The seam between play and saves: a finished run as plain data. Later code maps the Scenarios
/// SessionLog, ScoreCard and Verdict onto this record and hands it to
/// <see cref="SaveStore.RecordFinishedRun"/>.
/// </summary>
public sealed record RunRecord(
    string IncidentId,
    RunLog Log,
    ScoreCardRecord Score,
    RunOutcome Outcome,
    string FinalStateDigest);
