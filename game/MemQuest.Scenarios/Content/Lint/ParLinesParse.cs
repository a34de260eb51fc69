// The par solution is console lines the game accepts, in tick order, before the end tick.
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;

namespace MemQuest.Scenarios.Content.Lint;

public sealed class ParLinesParse : ILintRule
{
    public IEnumerable<ContentError> Check(ScenarioDefinition s, ContentCatalog catalog)
    {
        if (s.Par.Count == 0) yield return new ContentError(s.SourceFile, 1, 1, "the scenario has no par steps; add the reference solution under 'par:'");
        long last = -1;
        foreach (ParStep step in s.Par)
        {
            foreach (string problem in Problems(step.Command)) yield return ContentError.At(step.Pos, $"par line '{step.Command}': {problem}");
            if (step.AtTick < last) yield return ContentError.At(step.Pos, $"par step at tick {step.AtTick} comes after one at tick {last}; list par steps in tick order");
            if (step.AtTick >= s.EndTick) yield return ContentError.At(step.Pos, $"par step at tick {step.AtTick} is not before end_tick {s.EndTick}; move it earlier");
            last = Math.Max(last, step.AtTick);
        }
    }

    /// <summary>Why a console line cannot run in the game, if it cannot.</summary>
    public static IEnumerable<string> Problems(string line)
    {
        if (ConsoleLine.Canonical(line) is null) { yield return "has an unterminated quote; close it"; yield break; }
        var commands = ConsoleLine.Commands(line);
        if (commands.Count == 0) yield return "is empty; write a console command";
        foreach (string name in commands.Select(c => c[0]).Where(n => !ConsoleLine.GameCommandNames.Contains(n)).Distinct())
            yield return $"'{name}' is not a command of the game console; use one of: {string.Join(", ", ConsoleLine.GameCommandNames.Order(StringComparer.Ordinal))}";
    }
}
