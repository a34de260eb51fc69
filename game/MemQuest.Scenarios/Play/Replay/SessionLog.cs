// The replay (architecture §2.6): scenario, content digest, engine version, seed, every console
// line with its tick, and the tick the run ended at. Seed + this list reproduce the run exactly.
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.Scenarios.Play.Replay;

public sealed record SessionLog(string ScenarioId, string ContentDigest, int EngineVersion, ulong Seed, IReadOnlyList<LoggedCommand> Commands, long EndTick);
