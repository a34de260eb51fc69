// Checks an incident every tick: a losing condition that holds ends it as Lost with its reason;
// at the end tick it is Won if every objective holds, else Lost with each unmet sentence.
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;

namespace MemQuest.Scenarios.Judging;

public sealed class Judge
{
    private readonly ScenarioDefinition _scenario;
    private readonly List<(ObjectiveDefinition Def, ICondition Condition)> _objectives = [];
    private readonly List<(LosingCondition Def, ICondition Condition)> _losing = [];

    public Judge(ScenarioDefinition scenario)
    {
        _scenario = scenario;
        foreach (ObjectiveDefinition o in scenario.Objectives) _objectives.Add((o, ConditionCatalog.Create(o.Check)));
        foreach (LosingCondition l in scenario.LoseIf) _losing.Add((l, ConditionCatalog.Create(l.Check)));
    }

    public IEnumerable<ICondition> AllConditions => _objectives.Select(o => o.Condition).Concat(_losing.Select(l => l.Condition));

    /// <summary>The objectives' verdicts now.</summary>
    public IReadOnlyList<Verdict> Objectives(JudgeContext context) =>
        _objectives.Select(o =>
        {
            ConditionResult r = o.Condition.Evaluate(context);
            return new Verdict(o.Def.Id, r.Met, r.Met ? o.Def.Text : Fill(o.Def.Unmet, r.Facts));
        }).ToList();

    /// <summary>Status and verdicts after a tick.</summary>
    public (SessionStatus Status, IReadOnlyList<Verdict> Verdicts) Check(JudgeContext context)
    {
        IReadOnlyList<Verdict> objectives = Objectives(context);
        foreach (var (def, condition) in _losing)
        {
            ConditionResult r = condition.Evaluate(context);
            if (r.Met) return (SessionStatus.Lost, [.. objectives, new Verdict(def.Id, false, Fill(def.Reason, r.Facts))]);
        }
        if (context.Tick < _scenario.EndTick) return (SessionStatus.Running, objectives);
        return (objectives.All(v => v.Met) ? SessionStatus.Won : SessionStatus.Lost, objectives);
    }

    /// <summary>Replace {key} with the condition's facts.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> facts)
    {
        foreach (var (k, v) in facts) text = text.Replace("{" + k + "}", v, StringComparison.Ordinal);
        return text.Trim();
    }
}
