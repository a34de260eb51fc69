// Timed events name processes and modules the incident has, and `run` events are valid console lines.
using MemQuest.Scenarios.Model;

namespace MemQuest.Scenarios.Content.Lint;

public sealed class EventsNameRealTargets : ILintRule
{
    public IEnumerable<ContentError> Check(ScenarioDefinition s, ContentCatalog catalog)
    {
        foreach (TimedEvent e in s.Events)
        {
            if (e.Action == "spike" && !s.AllProcesses.Any(p => p.Name == e.Target || p.UnitOrName == e.Target))
                yield return ContentError.At(e.Pos, $"spike target '{e.Target}' is not a process of this incident; use one of: {string.Join(", ", s.AllProcesses.Select(p => p.Name))}");
            if (e.Action == "spike" && (!long.TryParse(e.Value, out long permille) || permille < 0))
                yield return ContentError.At(e.Pos, $"spike value '{e.Value}' must be the load in permille (2000 = twice the normal load)");
            if (e.Action == "modprobe" && !s.Modules.Any(m => m.Name == e.Target))
                yield return ContentError.At(e.Pos, $"modprobe target '{e.Target}' is not a module of this incident; declare it under 'modules:'");
            if (e.Action == "run")
                foreach (string problem in ParLinesParse.Problems(e.Value)) yield return ContentError.At(e.Pos, $"run line '{e.Value}': {problem}");
            if (e.AtTick >= s.EndTick) yield return ContentError.At(e.Pos, $"event at tick {e.AtTick} is not before end_tick {s.EndTick}");
        }
    }
}
