// Every `check:` key content may use, and the type that evaluates it. A new condition is one class
// in Conditions/ and one line here; lint rejects keys that are not listed.
using MemQuest.Scenarios.Judging.Conditions;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Judging.Conditions.Processes;
using MemQuest.Scenarios.Judging.Conditions.Kernel;

namespace MemQuest.Scenarios.Judging;

public static class ConditionCatalog
{
    private static readonly SortedDictionary<string, Func<ConditionSpec, ConditionParse>> Parsers = new(StringComparer.Ordinal)
    {
        ["process-alive"] = s => ProcessAlive.Parse(s, wantAlive: true),
        ["process-dead"] = s => ProcessAlive.Parse(s, wantAlive: false),
        ["service-active"] = ServiceActive.Parse,
        ["service-down-for-ticks"] = ServiceDownForTicks.Parse,
        ["slo-met"] = SloMet.Parse,
        ["slo-breached-for-ticks"] = SloBreachedForTicks.Parse,
        ["sysctl"] = SysctlValue.Parse,
        ["meminfo"] = MeminfoValue.Parse,
        ["module-loaded"] = ModuleLoaded.Parse,
        ["no-oom-kill-for-ticks"] = NoOomKillForTicks.Parse,
        ["oom-killed"] = OomKilled.Parse,
        ["snapshot-succeeds"] = SnapshotSucceeds.Parse,
        ["rss-below"] = RssBelow.Parse,
        ["no-page-allocation-failure"] = NoPageAllocFailure.Parse,
        ["job-finished"] = JobFinished.Parse,
    };

    public static IEnumerable<string> Keys => Parsers.Keys;

    /// <summary>The condition, or why the spec is wrong (unknown key, missing or bad argument).</summary>
    public static ConditionParse TryCreate(ConditionSpec spec) =>
        Parsers.TryGetValue(spec.Key, out var parse)
            ? parse(spec)
            : ConditionParse.Fail($"unknown check '{spec.Key}'; use one of: {string.Join(", ", Parsers.Keys)}");

    /// <summary>For specs that passed lint.</summary>
    public static ICondition Create(ConditionSpec spec) =>
        TryCreate(spec).Condition ?? throw new InvalidOperationException($"{spec.Pos}: {TryCreate(spec).Error}");
}
