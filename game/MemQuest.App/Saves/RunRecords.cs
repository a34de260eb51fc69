// The seam between play (Scenarios' SessionLog, ScoreCard, Session) and the save's plain
// documents (RunLog, ScoreCardRecord, RunRecord): one mapping each way, nothing else.
using MemQuest.Persistence;
using MemQuest.Persistence.Documents;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Play.Replay;
using MemQuest.Scenarios.Scoring;

namespace MemQuest.App.Saves;

public static class RunRecords
{
    public static RunLog ToRunLog(SessionLog log) => new()
    {
        ScenarioId = log.ScenarioId,
        ContentDigest = log.ContentDigest,
        EngineVersion = log.EngineVersion,
        Seed = unchecked((long)log.Seed),
        Commands = log.Commands.Select(c => new Persistence.Documents.LoggedCommand { Tick = c.Tick, Line = c.Line }).ToList(),
        EndTick = log.EndTick,
    };

    public static SessionLog ToSessionLog(RunLog log) =>
        new(log.ScenarioId, log.ContentDigest, log.EngineVersion, unchecked((ulong)log.Seed),
            log.Commands.Select(c => new Scenarios.Play.Replay.LoggedCommand(c.Tick, c.Line)).ToList(), log.EndTick);

    public static ScoreCardRecord ToRecord(ScoreCard card) => new()
    {
        Total = card.Total,
        Stars = card.Stars,
        Metrics = card.Metrics.Select(m => new Persistence.Documents.MetricScore { Name = m.Name, Points = m.Points, MaxPoints = m.MaxPoints }).ToList(),
    };

    /// <summary>A finished run (won or lost) with its log, score card and final digest.</summary>
    public static RunRecord Finished(PlayKey key, Session session, ScoreCard card) =>
        new(key.Id, ToRunLog(session.Log), ToRecord(card), session.Status == SessionStatus.Won ? RunOutcome.Won : RunOutcome.Lost, session.Digest());
}
