// What judging a folder gave: the entrants (verified tickets), every scored run and every rejection,
// each list in an order that does not depend on the worker count.
using MemQuest.Scenarios.Events;

namespace MemQuest.App.Events;

public sealed record JudgeResult(IReadOnlyList<Ticket> Entrants, IReadOnlyList<JudgedRun> Runs, IReadOnlyList<Rejection> Rejections);
