using LiteDB;
using MemQuest.Persistence.Documents;

namespace MemQuest.Persistence;

/// <summary>SaveStore: progress per incident, finished runs and the unfinished run's log.</summary>
public sealed partial class SaveStore
{
    private ILiteCollection<ProgressDocument> Progress => _db.GetCollection<ProgressDocument>(ProgressCollection);
    private ILiteCollection<RunDocument> Runs => _db.GetCollection<RunDocument>(RunsCollection);
    private ILiteCollection<UnfinishedRunDocument> Unfinished => _db.GetCollection<UnfinishedRunDocument>(UnfinishedCollection);

    public ProgressDocument? FindProgress(int profileId, string incidentId) =>
        Progress.FindById(ProgressDocument.KeyOf(profileId, incidentId));

    public IReadOnlyList<ProgressDocument> ListProgress(int profileId) =>
        Progress.Find(Query.EQ("ProfileId", profileId)).OrderBy(p => p.IncidentId, StringComparer.Ordinal).ToList();

    public IReadOnlyList<RunDocument> ListRuns(int profileId, string? incidentId = null) =>
        Runs.Find(Query.EQ("ProfileId", profileId))
            .Where(r => incidentId is null || r.IncidentId == incidentId)
            .OrderBy(r => r.Id)
            .ToList();

    public UnfinishedRunDocument? FindUnfinished(int profileId, string incidentId) =>
        Unfinished.FindById(ProgressDocument.KeyOf(profileId, incidentId));

    /// <summary>
    /// Saves a finished run and folds it into the incident's progress (solved, best stars and
    /// score, last played), and drops the unfinished log: all in one transaction.
    /// </summary>
    public RunDocument RecordFinishedRun(int profileId, RunRecord run)
    {
        EnsureWritable();
        GetProfile(profileId);
        var now = Now();
        var doc = new RunDocument
        {
            ProfileId = profileId,
            IncidentId = run.IncidentId,
            FinishedUtc = now,
            Outcome = run.Outcome,
            FinalStateDigest = run.FinalStateDigest,
            Log = run.Log,
            Score = run.Score,
        };
        var id = 0;
        InTransaction(() =>
        {
            id = Runs.Insert(doc).AsInt32;
            var old = FindProgress(profileId, run.IncidentId) ?? NewProgress(profileId, run.IncidentId);
            var won = run.Outcome == RunOutcome.Won;
            Progress.Upsert(old with
            {
                Solved = old.Solved || won,
                Stars = won ? Math.Max(old.Stars, run.Score.Stars) : old.Stars,
                BestScore = won ? Math.Max(old.BestScore, run.Score.Total) : old.BestScore,
                LastPlayedUtc = now,
            });
            Unfinished.Delete(ProgressDocument.KeyOf(profileId, run.IncidentId));
        });
        return doc with { Id = id };
    }

    /// <summary>Records a bought hint; buying the same hint again changes nothing (it is never charged twice).</summary>
    public ProgressDocument RecordHintBought(int profileId, string incidentId, string hintId)
    {
        EnsureWritable();
        GetProfile(profileId);
        var old = FindProgress(profileId, incidentId) ?? NewProgress(profileId, incidentId);
        if (old.HintsBought.Contains(hintId, StringComparer.Ordinal))
            return old;
        var updated = old with { HintsBought = [.. old.HintsBought, hintId], LastPlayedUtc = Now() };
        InTransaction(() => Progress.Upsert(updated));
        return updated;
    }

    /// <summary>Saves the command log of the incident being played (call after each command) so it can resume by replay.</summary>
    public void SaveUnfinished(int profileId, string incidentId, RunLog log)
    {
        EnsureWritable();
        var doc = new UnfinishedRunDocument
        {
            Id = ProgressDocument.KeyOf(profileId, incidentId),
            ProfileId = profileId,
            IncidentId = incidentId,
            SavedUtc = Now(),
            Log = log,
        };
        InTransaction(() => Unfinished.Upsert(doc));
    }

    public void DiscardUnfinished(int profileId, string incidentId)
    {
        EnsureWritable();
        InTransaction(() => Unfinished.Delete(ProgressDocument.KeyOf(profileId, incidentId)));
    }

    /// <summary>Forgets one incident (or, with null, every incident) of a profile: progress, runs, unfinished log.</summary>
    public void ResetProgress(int profileId, string? incidentId)
    {
        EnsureWritable();
        GetProfile(profileId);
        InTransaction(() => DeleteProgressOf(profileId, incidentId));
    }

    private void DeleteProgressOf(int profileId, string? incidentId)
    {
        var mine = Query.EQ("ProfileId", profileId);
        var filter = incidentId is null ? mine : Query.And(mine, Query.EQ("IncidentId", incidentId));
        Progress.DeleteMany(filter);
        Runs.DeleteMany(filter);
        Unfinished.DeleteMany(filter);
    }

    private static ProgressDocument NewProgress(int profileId, string incidentId) =>
        new() { Id = ProgressDocument.KeyOf(profileId, incidentId), ProfileId = profileId, IncidentId = incidentId };
}
