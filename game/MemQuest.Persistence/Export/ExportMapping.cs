using MemQuest.Persistence.Documents;

namespace MemQuest.Persistence.Export;

/// <summary>Maps stored documents to the portable file and back (ids are re-assigned on import).</summary>
internal static class ExportMapping
{
    public static ProfileExportFile ToFile(ProfileDocument profile, IEnumerable<ProgressDocument> progress, IEnumerable<RunDocument> runs, DateTime exportedUtc) =>
        new(ProfileExportFile.FormatName, ProfileExportFile.CurrentFormatVersion, exportedUtc,
            new ExportedProfile(profile.Name, Utc(profile.CreatedUtc), new SortedDictionary<string, string>(profile.Settings, StringComparer.Ordinal)),
            progress.Select(p => new ExportedProgress(p.IncidentId, p.Solved, p.Stars, p.BestScore, p.HintsBought, Utc(p.LastPlayedUtc))).ToList(),
            runs.Select(ToExported).ToList());

    private static ExportedRun ToExported(RunDocument r) =>
        new(r.IncidentId, Utc(r.FinishedUtc), r.Outcome, r.FinalStateDigest,
            new ExportedRunLog(r.Log.ScenarioId, r.Log.ContentDigest, r.Log.EngineVersion, r.Log.Seed,
                r.Log.Commands.Select(c => new ExportedCommand(c.Tick, c.Line)).ToList(), r.Log.EndTick),
            new ExportedScoreCard(r.Score.Total, r.Score.Stars, r.Score.Metrics.Select(m => new ExportedMetric(m.Name, m.Points, m.MaxPoints)).ToList()));

    public static ProfileDocument ToProfile(ExportedProfile p, string name) =>
        new()
        {
            Name = name,
            NameKey = ProfileName.KeyOf(name),
            CreatedUtc = Utc(p.CreatedUtc),
            Settings = new Dictionary<string, string>(p.Settings, StringComparer.Ordinal),
        };

    public static ProgressDocument ToProgress(ExportedProgress p, int profileId) =>
        new()
        {
            Id = ProgressDocument.KeyOf(profileId, p.IncidentId),
            ProfileId = profileId,
            IncidentId = p.IncidentId,
            Solved = p.Solved,
            Stars = p.Stars,
            BestScore = p.BestScore,
            HintsBought = [.. p.HintsBought],
            LastPlayedUtc = Utc(p.LastPlayedUtc),
        };

    public static RunDocument ToRun(ExportedRun r, int profileId) =>
        new()
        {
            ProfileId = profileId,
            IncidentId = r.IncidentId,
            FinishedUtc = Utc(r.FinishedUtc),
            Outcome = r.Outcome,
            FinalStateDigest = r.FinalStateDigest,
            Log = new RunLog
            {
                ScenarioId = r.Log.ScenarioId,
                ContentDigest = r.Log.ContentDigest,
                EngineVersion = r.Log.EngineVersion,
                Seed = r.Log.Seed,
                Commands = r.Log.Commands.Select(c => new LoggedCommand { Tick = c.Tick, Line = c.Line }).ToList(),
                EndTick = r.Log.EndTick,
            },
            Score = new ScoreCardRecord
            {
                Total = r.Score.Total,
                Stars = r.Score.Stars,
                Metrics = r.Score.Metrics.Select(m => new MetricScore { Name = m.Name, Points = m.Points, MaxPoints = m.MaxPoints }).ToList(),
            },
        };

    /// <summary>LiteDB returns UTC when UtcDate is set; older values may come back local. Always store and export UTC.</summary>
    private static DateTime Utc(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime();
}
