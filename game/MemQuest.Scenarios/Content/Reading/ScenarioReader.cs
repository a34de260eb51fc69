// Reads content/scenarios/NNN-slug.yaml into a ScenarioDefinition, resolving its machine and the
// workloads its processes name (missing ones are reported by lint, with their positions).
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Workloads;
using MemQuest.Scenarios.Model.Box;
using MemQuest.Scenarios.Model.Costs;

namespace MemQuest.Scenarios.Content.Reading;

internal static class ScenarioReader
{
    public static ScenarioDefinition? Read(YamlMap m, string id, int number,
        IReadOnlyDictionary<string, MachineDefinition> machines, IReadOnlyDictionary<string, WorkloadDefinition> workloads)
    {
        MachineReader.CheckId(m, id);
        string? title = m.Str("title", required: true, example: "\"03:12 page: billing-api keeps restarting\"");
        long difficulty = m.Long("difficulty", required: true, min: 1, max: 5, example: "2") ?? 1;
        var topics = m.StrList("topics").Select(t => t.Value).ToList();
        var misconceptions = m.StrList("misconceptions").Select(t => t.Value).ToList();
        string? machineId = m.Str("machine", required: true, example: "small-web-4g");
        long seed = m.Long("seed", required: true, min: 0, example: "1042") ?? 0;
        var hidden = m.StrList("hidden_seeds").Select(h => ParseSeed(m, h.Value, h.Pos)).OfType<ulong>().ToList();
        long endTick = m.Long("end_tick", required: true, min: 1, max: 1_000_000, example: "3000") ?? 1;
        string startTime = m.Str("start_time", example: "\"03:12:00\"") ?? "00:00:00";
        string briefing = m.Str("briefing", required: true, example: "|") ?? "";
        var processes = m.MapList("processes").Select(ProcessReader.Read).OfType<ProcessDefinition>().ToList();
        var modules = ScenarioPartsReader.Modules(m);
        var events = ScenarioPartsReader.Events(m);
        var objectives = ScenarioPartsReader.Objectives(m);
        var loseIf = ScenarioPartsReader.LoseIf(m);
        var hints = ScenarioPartsReader.Hints(m);
        CostTable costs = ScenarioPartsReader.Costs(m);
        string headroom = m.Str("headroom_target", example: "256M") ?? "0";
        if (!SizeText.TryParseKb(headroom, out long headroomKb)) m.Error(m.Node("headroom_target")!, $"headroom_target '{headroom}' is not a size; write e.g. 256M");
        ScoringWeights scoring = ScenarioPartsReader.Scoring(m, headroomKb);
        var par = ScenarioPartsReader.Par(m);
        string debrief = m.Str("debrief", required: true, example: "|") ?? "";
        m.Finish();
        if (title is null || machineId is null) return null;
        if (!machines.TryGetValue(machineId, out MachineDefinition? machine))
        {
            m.Error(m.Node("machine")!, $"unknown machine '{machineId}'; add content/machines/{machineId}.yaml or use one of: {string.Join(", ", machines.Keys)}");
            return null;
        }
        var used = machine.BootServices.Concat(processes).Select(p => p.WorkloadId).Distinct()
            .Where(workloads.ContainsKey).ToDictionary(w => w, w => workloads[w]);
        return new ScenarioDefinition
        {
            Id = id, Number = number, Title = title, Difficulty = (int)difficulty, Topics = topics, Misconceptions = misconceptions,
            Machine = machine, Seed = (ulong)seed, HiddenSeeds = hidden, EndTick = endTick, StartTime = startTime,
            Briefing = briefing.TrimEnd(), Processes = processes, Workloads = used, Modules = modules, Events = events,
            Objectives = objectives, LoseIf = loseIf, Hints = hints, Costs = costs, Scoring = scoring, Par = par,
            Debrief = debrief.TrimEnd(), SourceFile = m.File,
        };
    }

    private static ulong? ParseSeed(YamlMap m, string text, SourcePos pos)
    {
        if (ulong.TryParse(text, out ulong s)) return s;
        m.Errors.Add(ContentError.At(pos, $"hidden seed '{text}' is not a whole number >= 0"));
        return null;
    }
}
