// Models the result half of struct oom_control (mm/oom_kill.c), kernel-spec §14.3 and architecture
// E3: totalpages, every task the walk looked at with its badness terms (in walk order), the victim,
// its points, what happened and why, in kernel words. This is the debrief's "kernel receipt".
using MemQuest.Engine.Mm;

namespace MemQuest.Engine.Oom.Control;

public sealed record OomDecision(
    long Tick,
    OomRequest Request,
    long TotalPages,
    IReadOnlyList<BadnessLine> Candidates,
    Process? Chosen,
    long ChosenPoints,
    OomOutcome Outcome,
    string Reason)
{
    /// <summary>One adj point in pages: totalpages / 1000 (integer division first, kernel-spec §14.2).</summary>
    public long AdjUnitPages => TotalPages / 1000;
}
