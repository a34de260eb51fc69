// Re-simulates a log (architecture E7): for each command, advance to its tick and submit it; then
// let the incident play out. The same code replays run files, par solutions and the player's log
// on hidden seeds. An optional observer sees each step (the `solve` trace).
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.Scenarios.Play.Replay;

public static class Replayer
{
    /// <summary>Replay <paramref name="log"/> on its seed or on <paramref name="seedOverride"/>; without
    /// <paramref name="receipts"/> the outcome has no receipts (same status, verdicts, metrics and digest).</summary>
    public static SessionOutcome Run(ScenarioDefinition scenario, SessionLog log, ulong? seedOverride = null,
        Action<Session, LoggedCommand, Shell.ShellResult>? observer = null, bool receipts = true)
    {
        Session s = Session.Start(scenario, seedOverride ?? log.Seed, log.ContentDigest, receipts);
        foreach (LoggedCommand c in log.Commands)
        {
            if (c.Tick < s.Tick) throw new InvalidOperationException($"command '{c.Line}' at tick {c.Tick} comes after tick {s.Tick}; a log's ticks never go back");
            s.Advance(c.Tick - s.Tick);
            if (s.Status != SessionStatus.Running) break;
            Shell.ShellResult r = s.Submit(c.Line);
            observer?.Invoke(s, c, r);
        }
        s.RunToEnd();
        return SessionOutcome.Of(s);
    }

    /// <summary>The par solution as a log on the scenario's own seed.</summary>
    public static SessionLog ParLog(ScenarioDefinition s, string contentDigest) =>
        new(s.Id, contentDigest, Engine.EngineInfo.Version, s.Seed, s.Par.Select(p => new LoggedCommand(p.AtTick, ConsoleLine.Canonical(p.Command) ?? p.Command)).ToList(), s.EndTick);

    /// <summary>A log with no commands: the "do nothing" run.</summary>
    public static SessionLog EmptyLog(ScenarioDefinition s, string contentDigest) =>
        new(s.Id, contentDigest, Engine.EngineInfo.Version, s.Seed, [], s.EndTick);
}
