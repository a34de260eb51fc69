// One run to replay: where it came from (file, 1-based run number) and what it needs.
using MemQuest.Scenarios.Events;
using MemQuest.Scenarios.Model;

namespace MemQuest.App.Events;

public sealed record JudgeWork(string File, int RunNumber, ScenarioDefinition Scenario, Ticket Ticket, SubmittedRun Run);
