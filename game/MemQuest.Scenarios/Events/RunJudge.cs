// Judges one submission and one run (single-threaded, no I/O): the file's ticket must verify and
// name the submitting player; each run must be for an event incident, on this engine and content,
// on the ticket's seed, inside the window; it is replayed on the ticket's seed and must end in the
// state the player's machine recorded. The score comes from the replay, never from the file.
// Time to solve is the simulated tick of the run's last change (0 for a run that did not win).
using MemQuest.Engine;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Scoring;
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.Scenarios.Events;

public static class RunJudge
{
    /// <summary>Null when the submission as a whole may be judged; otherwise why not.</summary>
    public static string? CheckSubmission(EventSecret secret, EventDefinition e, Submission s)
    {
        if (Tickets.Verify(secret, e, s.Ticket) is { } bad) return bad;
        if (s.Ticket.Player != s.Player || s.Ticket.Team != s.Team) return $"the submission is from '{s.Player}' ({s.Team}) but the ticket is '{s.Ticket.Player}' ({s.Ticket.Team})";
        return null;
    }

    /// <summary>Checks that need no replay; null when the run should be replayed.</summary>
    public static string? Precheck(EventDefinition e, string contentDigest, Ticket ticket, SubmittedRun r)
    {
        SessionLog log = r.Log;
        if (!e.Incidents.Contains(log.ScenarioId)) return $"incident '{log.ScenarioId}' is not part of this event";
        if (log.EngineVersion != EngineInfo.Version) return $"recorded on engine version {log.EngineVersion}; the judge runs version {EngineInfo.Version}";
        if (log.ContentDigest != contentDigest) return $"recorded on other content (digest {Short(log.ContentDigest)}, the event's is {Short(contentDigest)})";
        if (log.Seed != ticket.SeedFor(log.ScenarioId)) return $"played on seed {log.Seed}, but the ticket's seed for {log.ScenarioId} is another: the seed was edited or the log was copied";
        if (!e.Rules.UsesAttempt(r.FinishedUtc)) return $"finished at {EventFile.Utc(r.FinishedUtc)}, outside the event window";
        return null;
    }

    /// <summary>Replay on the ticket's seed and score. Call only after <see cref="Precheck"/> passed.</summary>
    public static RunVerdict Judge(EventDefinition e, ScenarioDefinition scenario, Ticket ticket, SubmittedRun r)
    {
        ulong seed = ticket.SeedFor(scenario.Id)!.Value;
        SessionOutcome outcome;
        try { outcome = Replayer.Run(scenario, r.Log, seed, receipts: false); }
        // An untrusted log must never stop the judge: whatever the replay throws rejects this run only.
        catch (Exception ex) when (ex is not OutOfMemoryException) { return RunVerdict.Rejected($"the replay failed: {ex.Message}"); }
        if (outcome.Digest != r.FinalDigest) return RunVerdict.Rejected("the replay ends in another state than the one recorded: the command log was edited");
        if (!e.Rules.HintsAllowed && outcome.Metrics.HintsBought > 0) return RunVerdict.Rejected("hints were bought, but hints are off in this event");
        ScoreCard card = Scorer.Score(scenario, outcome, []);
        int total = e.Rules.Charge(card).Total;
        long solveTicks = card.Won ? outcome.Metrics.LastActionTick : 0;
        var run = new JudgedRun(ticket.Player, ticket.Team, ticket.Bracket, scenario.Id, card.Won, total, solveTicks,
            r.Log.Commands.Count, card.Metrics, r.FinishedUtc);
        return new RunVerdict(run, null);
    }

    private static string Short(string digest) => digest[..Math.Min(12, digest.Length)];
}
