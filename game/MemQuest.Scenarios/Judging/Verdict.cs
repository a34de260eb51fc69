// The judge's word on one objective or losing condition: met or not, and why, in incident words.
namespace MemQuest.Scenarios.Judging;

public sealed record Verdict(string Id, bool Met, string Reason);
