// One line of the process table: what `ps` and /proc/PID/{status,oom_score,oom_score_adj} say.
namespace MemQuest.App.Presentation;

/// <param name="OomScore">/proc/PID/oom_score, or null where the box cannot compute it yet.</param>
public sealed record ProcessRow(int Pid, string Name, long RssKb, int OomScoreAdj, long? OomScore);
