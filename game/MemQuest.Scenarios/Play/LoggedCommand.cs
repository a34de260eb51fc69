// One console line of a run and the tick it was typed at (applied before that tick's step).
namespace MemQuest.Scenarios.Play;

public sealed record LoggedCommand(long Tick, string Line);
