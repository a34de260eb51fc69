// One console exchange: the tick, the line as typed (canonical), and what the console printed.

namespace MemQuest.Scenarios.Play;

public sealed record TranscriptEntry(long Tick, string Line, string Output);
