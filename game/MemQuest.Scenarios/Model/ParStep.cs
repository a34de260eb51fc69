// One line of the reference (par) solution: the console line and the tick it is typed at.

namespace MemQuest.Scenarios.Model;

public sealed record ParStep(long AtTick, string Command, SourcePos Pos);
