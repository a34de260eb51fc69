// Receipt for one out_of_memory() call (mm/oom_kill.c), kernel-spec §14.3-§14.4: the whole
// decision (candidate table with each badness term, the victim, the outcome and why).
using MemQuest.Engine.Oom.Control;

namespace MemQuest.Engine.Events;

public sealed record OomKillerDecided(long Tick, OomDecision Decision) : KernelEvent(Tick)
{
    public override string Describe()
    {
        BadnessLine? won = Decision.Chosen is { } c ? Decision.Candidates.LastOrDefault(l => l.Pid == c.Pid) : null;
        return won is null
            ? $"oom: {Decision.Outcome}: {Decision.Reason}"
            : $"oom: {won.Comm} ({won.Pid}) chosen, badness {won.Points} pages ({won.Explain()}), outcome {Decision.Outcome}";
    }
}
