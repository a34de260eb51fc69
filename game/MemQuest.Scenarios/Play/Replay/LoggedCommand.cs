// One console line of a run and the tick it was typed at (applied before that tick's step).
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.Scenarios.Play.Replay;

public sealed record LoggedCommand(long Tick, string Line);
