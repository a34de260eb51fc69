using MemQuest.Persistence.Documents;

namespace MemQuest.Persistence.Export;

public sealed record ExportedRun(
    string IncidentId,
    DateTime FinishedUtc,
    RunOutcome Outcome,
    string FinalStateDigest,
    ExportedRunLog Log,
    ExportedScoreCard Score);
