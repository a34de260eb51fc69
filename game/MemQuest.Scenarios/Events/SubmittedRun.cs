// One event run in a submission: the log to replay, the final digest the player's machine reached
// (a log edited afterwards replays to another state), when it finished, and the score the file
// claims (never used: the judge re-simulates).
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.Scenarios.Events;

public sealed record SubmittedRun(SessionLog Log, string FinalDigest, DateTimeOffset FinishedUtc, int? ClaimedTotal);
