// One row of the OOM receipt: a task as oom_badness (mm/oom_kill.c), kernel-spec §14.2, saw it,
// with every term of the sum, so the debrief can show exactly why one task outscored another.
namespace MemQuest.Engine.Oom.Control;

public sealed record BadnessLine(
    int Pid,
    string Comm,
    int Uid,
    long RssPages,
    long SwapEntsPages,
    long PgtablesPages,
    short OomScoreAdj,
    long AdjPoints,
    long Points,
    OomEligibility Eligibility)
{
    /// <summary>rss + swap + page tables: the footprint before oom_score_adj.</summary>
    public long FootprintPages => RssPages + SwapEntsPages + PgtablesPages;

    /// <summary>"rss 100000 + swap 20000 + pgtables 100 + adj 200×1000 = 320100".</summary>
    public string Explain() => Eligibility == OomEligibility.Eligible
        ? $"rss {RssPages} + swap {SwapEntsPages} + pgtables {PgtablesPages} + adj {AdjPoints} = {Points}"
        : Eligibility.ToString();
}
