// What the game's console commands (systemctl, journalctl, edit, modprobe, heaptrack, hint,
// objectives) work on: the incident's services, modules, hints, clock and objectives. The Session
// owns it and hangs it on the console's ShellContext.
using MemQuest.Scenarios.Judging;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Play.Incident;

namespace MemQuest.Scenarios.Play.Incident;

public sealed class IncidentState(ScenarioDefinition scenario, ServiceTable services, ModuleTable modules, Func<IReadOnlyList<Verdict>> objectives)
{
    public ScenarioDefinition Scenario { get; } = scenario;
    public ServiceTable Services { get; } = services;
    public ModuleTable Modules { get; } = modules;
    public HintBook Hints { get; } = new(scenario.Hints);
    public IncidentClock Clock { get; } = new(scenario.StartTime);
    public IReadOnlyList<Verdict> Objectives() => objectives();
}
