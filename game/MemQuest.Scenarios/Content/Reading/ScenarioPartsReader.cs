// Reads the lists inside a scenario: modules, timed events, objectives, losing conditions, hints,
// par steps, costs and scoring weights.
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Workloads;
using MemQuest.Scenarios.Model.Box;
using MemQuest.Scenarios.Model.Costs;

namespace MemQuest.Scenarios.Content.Reading;

internal static class ScenarioPartsReader
{
    public static readonly string[] EventActions = ["spike", "run", "modprobe"];

    public static List<ModuleDefinition> Modules(YamlMap m) => m.MapList("modules").Select(e =>
    {
        string? name = e.Str("name", required: true, example: "netcap");
        bool boot = e.Flag("load_at_boot", true);
        string? buf = e.Str("buffer", required: true, example: "4M");
        var prm = ProcessReader.Dict(e.Pairs("params"));
        e.Finish();
        long kb = 0;
        if (buf is not null && !SizeText.TryParseKb(buf, out kb)) e.Error(e.Node("buffer")!, $"buffer '{buf}' is not a size; write e.g. buffer: 4M");
        return name is null || buf is null ? null : new ModuleDefinition(name, boot, kb, prm, e.Pos);
    }).OfType<ModuleDefinition>().ToList();

    public static List<TimedEvent> Events(YamlMap m) => m.MapList("events").Select(e =>
    {
        long? at = e.Long("at_tick", required: true, min: 0, example: "600");
        string? action = e.Str("action", required: true, example: "spike");
        string target = e.Str("target", example: "billing-api") ?? "";
        string value = e.Str("value", example: "2000") ?? "";
        e.Finish();
        if (action is not null && !EventActions.Contains(action))
            e.Error(e.Node("action")!, $"unknown event action '{action}'; use one of: {string.Join(", ", EventActions)}");
        return at is null || action is null ? null : new TimedEvent(at.Value, action, target, value, e.Pos);
    }).OfType<TimedEvent>().ToList();

    public static List<ObjectiveDefinition> Objectives(YamlMap m) => m.MapList("objectives", required: true).Select(e =>
    {
        string? id = e.Str("id", required: true, example: "postgres-survives");
        string text = e.Str("text", example: "postgres stays up") ?? id ?? "";
        ConditionSpec? check = ConditionReader.Read(e);
        string unmet = e.Str("unmet", example: "\"postgres was killed by the OOM killer\"") ?? "";
        e.Finish();
        return id is null || check is null ? null : new ObjectiveDefinition(id, text, check, unmet, e.Pos);
    }).OfType<ObjectiveDefinition>().ToList();

    public static List<LosingCondition> LoseIf(YamlMap m) => m.MapList("lose_if").Select(e =>
    {
        string? id = e.Str("id", required: true, example: "postgres-killed");
        ConditionSpec? check = ConditionReader.Read(e);
        string reason = e.Str("reason", required: true, example: "\"postgres was killed: the billing database is down\"") ?? "";
        e.Finish();
        return id is null || check is null ? null : new LosingCondition(id, check, reason, e.Pos);
    }).OfType<LosingCondition>().ToList();

    public static List<Hint> Hints(YamlMap m) => m.MapList("hints").Select(e =>
    {
        string? text = e.Str("text", required: true, example: "\"Who did the OOM killer pick? Try dmesg.\"");
        long cost = e.Long("cost", required: true, min: 0, max: 1000, example: "50") ?? 0;
        e.Finish();
        return text is null ? null : new Hint(text, (int)cost, e.Pos);
    }).OfType<Hint>().ToList();

    public static List<ParStep> Par(YamlMap m) => m.MapList("par", required: true).Select(e =>
    {
        long? at = e.Long("at_tick", required: true, min: 0, example: "10");
        string? cmd = e.Str("cmd", required: true, example: "\"dmesg\"");
        e.Finish();
        return at is null || cmd is null ? null : new ParStep(at.Value, cmd, e.Pos);
    }).OfType<ParStep>().ToList();

    public static CostTable Costs(YamlMap m)
    {
        var points = new Dictionary<ActionKind, int>();
        foreach (var (k, v, pos) in m.Pairs("costs"))
        {
            if (!CostTable.Keys.TryGetValue(k, out ActionKind kind))
                m.Errors.Add(ContentError.At(pos, $"unknown action '{k}' in costs; use one of: {string.Join(", ", CostTable.Keys.Keys)}"));
            else if (!int.TryParse(v, out int p) || p < 0 || p > 1000)
                m.Errors.Add(ContentError.At(pos, $"cost of '{k}' is '{v}'; write whole points from 0 to 1000"));
            else points[kind] = p;
        }
        return new CostTable(points);
    }

    public static ScoringWeights Scoring(YamlMap m, long headroomTargetKb)
    {
        var metrics = new List<KeyValuePair<string, int>>();
        foreach (var (k, v, pos) in m.Pairs("scoring"))
        {
            if (!ScoringWeights.Known.Contains(k))
                m.Errors.Add(ContentError.At(pos, $"unknown scoring metric '{k}'; use {string.Join(", ", ScoringWeights.Known)}"));
            else if (!int.TryParse(v, out int p) || p < 0 || p > ScoringWeights.Total)
                m.Errors.Add(ContentError.At(pos, $"points for '{k}' are '{v}'; write whole points from 0 to 1000"));
            else metrics.Add(new(k, p));
        }
        return new ScoringWeights(metrics, headroomTargetKb);
    }
}
