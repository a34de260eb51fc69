// One journal line of a unit: the tick it was logged at, the pid that logged it (0: systemd) and the text.
namespace MemQuest.Scenarios.Services;

public sealed record JournalEntry(long Tick, int Pid, string Text);
