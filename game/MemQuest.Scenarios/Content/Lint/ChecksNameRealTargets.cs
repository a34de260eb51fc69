// A check that names a process, service or module must name one this incident has (a typo such as
// `process-alive: postgress` would otherwise make an objective that can never be met).
using MemQuest.Scenarios.Model;

namespace MemQuest.Scenarios.Content.Lint;

public sealed class ChecksNameRealTargets : ILintRule
{
    private static readonly string[] ProcessChecks =
        ["process-alive", "process-dead", "service-active", "slo-met", "snapshot-succeeds", "job-finished", "oom-killed",
         "service-down-for-ticks", "slo-breached-for-ticks", "rss-below"];

    public IEnumerable<ContentError> Check(ScenarioDefinition s, ContentCatalog catalog)
    {
        var names = s.AllProcesses.SelectMany(p => new[] { p.Name, p.UnitOrName }).ToHashSet(StringComparer.Ordinal);
        foreach (ConditionSpec c in s.Objectives.Select(o => o.Check).Concat(s.LoseIf.Select(l => l.Check)))
        {
            string? target = c.Scalar ?? c.Arg("name") ?? c.Arg("service") ?? c.Arg("module");
            if (target is null) continue;
            if (ProcessChecks.Contains(c.Key) && !names.Contains(target))
                yield return ContentError.At(c.Pos, $"'{c.Key}' names '{target}', which is not a process or unit of this incident; use one of: {string.Join(", ", names.Order(StringComparer.Ordinal))}");
            if (c.Key == "module-loaded" && !s.Modules.Any(m => m.Name == target))
                yield return ContentError.At(c.Pos, $"'module-loaded' names '{target}', which is not under 'modules:'; declare it there or fix the name");
        }
    }
}
