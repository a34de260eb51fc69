// One incident, validated: everything content/scenarios/NNN-slug.yaml says, with the machine and
// workloads it names resolved. The id is the file's slug; Number is its curriculum position.
using MemQuest.Scenarios.Model.Box;
using MemQuest.Scenarios.Model.Costs;

namespace MemQuest.Scenarios.Model;

public sealed record ScenarioDefinition
{
    public required string Id { get; init; }
    public required int Number { get; init; }
    public required string Title { get; init; }
    public required int Difficulty { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }
    public required IReadOnlyList<string> Misconceptions { get; init; }
    public required MachineDefinition Machine { get; init; }
    public required ulong Seed { get; init; }
    public required IReadOnlyList<ulong> HiddenSeeds { get; init; }
    public required long EndTick { get; init; }
    public required string StartTime { get; init; }
    public required string Briefing { get; init; }
    public required IReadOnlyList<ProcessDefinition> Processes { get; init; }
    /// <summary>The workloads the processes name, by id (resolved from content/workloads).</summary>
    public required IReadOnlyDictionary<string, WorkloadDefinition> Workloads { get; init; }
    public required IReadOnlyList<ModuleDefinition> Modules { get; init; }
    public required IReadOnlyList<TimedEvent> Events { get; init; }
    public required IReadOnlyList<ObjectiveDefinition> Objectives { get; init; }
    public required IReadOnlyList<LosingCondition> LoseIf { get; init; }
    public required IReadOnlyList<Hint> Hints { get; init; }
    public required CostTable Costs { get; init; }
    public required ScoringWeights Scoring { get; init; }
    public required IReadOnlyList<ParStep> Par { get; init; }
    public required string Debrief { get; init; }
    public required string SourceFile { get; init; }

    /// <summary>Every process the box starts with: the machine's boot services, then the incident's.</summary>
    public IEnumerable<ProcessDefinition> AllProcesses => Machine.BootServices.Concat(Processes);
}
