using MemQuest.Engine.Mm;
using MemQuest.Engine.Oom;
using MemQuest.Engine.Oom.Control;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Tests.Oom;

public sealed class OomSelectionTests
{
    private static readonly OomRequest Global = new(0, GfpFlags.GfpHighuserMovable, OomConstraint.None);

    private static OomDecision Select(Machine m, long totalPages = 1000000) =>
        OomSelection.SelectBadProcess(Global, totalPages, m.Processes.TaskList, _ => false, m.Tick);

    [Fact]                         // kernel-spec §19 fact 55
    public void Select_Fact55_EqualPoints_LaterTaskWins()
    {
        Machine m = OomWorld.Boot();
        OomWorld.Add(m, "first", rss: 5000);
        Process second = OomWorld.Add(m, "second", rss: 5000);
        OomDecision d = Select(m);
        Assert.Same(second, d.Chosen);
        Assert.Contains("ties go to the later task", d.Reason);
    }

    [Fact]
    public void Select_EqualPointsFromDifferentTerms_LaterTaskWins()
    {
        Machine m = OomWorld.Boot();
        OomWorld.Add(m, "rss-only", rss: 5100);
        Process mixed = OomWorld.Add(m, "mixed", rss: 4000, swap: 1000, pgtablesBytes: 100 * 4096);
        Assert.Same(mixed, Select(m).Chosen);
    }

    [Fact]
    public void Select_Adj1000_BeatsAHugerProcess()
    {
        Machine m = OomWorld.Boot();
        OomWorld.Add(m, "postgres", rss: 900000);
        Process small = OomWorld.Add(m, "sidecar", rss: 10, adj: 1000);
        OomDecision d = Select(m);
        Assert.Same(small, d.Chosen);
        Assert.Equal(10 + 1000L * 1000, d.ChosenPoints);
    }

    [Fact]
    public void Select_AdjMinus1000_NeverChosenEvenIfHuge()
    {
        Machine m = OomWorld.Boot();
        OomWorld.Add(m, "postgres", rss: 900000, adj: -1000);
        Process app = OomWorld.Add(m, "app", rss: 100);
        OomDecision d = Select(m);
        Assert.Same(app, d.Chosen);
        Assert.Equal(OomEligibility.AdjMin, d.Candidates.Single(c => c.Comm == "postgres").Eligibility);
    }

    [Fact]
    public void Select_AdjMinus999_StillEligible_WinsWhenAlone()
    {
        Machine m = OomWorld.Boot();
        Process p = OomWorld.Add(m, "postgres", rss: 900000, adj: -999);
        OomDecision d = Select(m);
        Assert.Same(p, d.Chosen);
        Assert.Equal(900000 - 999L * 1000, d.ChosenPoints);
    }

    [Fact]                         // fact 63's footprint: page tables count like RSS
    public void Select_HugePageTablesSmallRss_Wins()
    {
        Machine m = OomWorld.Boot();
        OomWorld.Add(m, "web", rss: 30000);
        Process sparse = OomWorld.Add(m, "sparse", rss: 300, pgtablesBytes: 32000L * 4096);
        OomWorld.Add(m, "worker", rss: 20000);
        OomDecision d = Select(m);
        Assert.Same(sparse, d.Chosen);
        Assert.Equal(32300, d.ChosenPoints);
        Assert.Contains("next: web", d.Reason);
    }

    [Fact]
    public void Select_SwapEntries_CountLikeResidentPages()
    {
        Machine m = OomWorld.Boot();
        OomWorld.Add(m, "resident", rss: 40000);
        Process swapped = OomWorld.Add(m, "swapped", rss: 1000, swap: 39500);
        Assert.Same(swapped, Select(m).Chosen);
    }

    [Fact]
    public void Select_InitAndKernelThreads_Skipped()
    {
        Machine m = OomWorld.Boot();                      // pid 1 systemd with 3000 pages
        OomWorld.KernelThread(m, "kswapd0");
        Process small = OomWorld.Add(m, "sh", rss: 10);
        OomDecision d = Select(m);
        Assert.Same(small, d.Chosen);
        Assert.Equal(OomEligibility.Unkillable, d.Candidates[0].Eligibility);
        Assert.DoesNotContain(d.Candidates, c => c.Comm == "kswapd0");
    }

    [Fact]
    public void Select_PendingVictim_Aborts()
    {
        Machine m = OomWorld.Boot();
        Process victim = OomWorld.Add(m, "leaker", rss: 50000);
        OomWorld.Add(m, "other", rss: 60000);
        OomDecision d = OomSelection.SelectBadProcess(Global, 1000000, m.Processes.TaskList, p => p == victim, 0);
        Assert.Equal(OomOutcome.AbortedVictimPending, d.Outcome);
        Assert.Null(d.Chosen);
        Assert.Equal(OomEligibility.VictimPending, d.Candidates[^1].Eligibility);
    }

    [Fact]
    public void Select_ReapedVictim_SkippedNotAborted()
    {
        Machine m = OomWorld.Boot();
        Process victim = OomWorld.Add(m, "leaker", rss: 50000);
        victim.Mm!.OomSkip = true;
        Process other = OomWorld.Add(m, "other", rss: 60);
        OomDecision d = OomSelection.SelectBadProcess(Global, 1000000, m.Processes.TaskList, p => p == victim, 0);
        Assert.Same(other, d.Chosen);
    }

    [Fact]
    public void Select_NothingKillable_NoVictim()
    {
        Machine m = OomWorld.Boot();
        OomWorld.Add(m, "sshd", rss: 500, adj: -1000);
        OomDecision d = Select(m);
        Assert.Equal(OomOutcome.NoKillableProcess, d.Outcome);
        Assert.Null(d.Chosen);
    }

    [Fact]
    public void Select_Receipt_ListsEveryTermInWalkOrder()
    {
        Machine m = OomWorld.Boot();
        OomWorld.Add(m, "a", rss: 100, swap: 20, pgtablesBytes: 3 * 4096, adj: 5);
        OomDecision d = Select(m, totalPages: 6171021);
        BadnessLine a = d.Candidates[1];
        Assert.Equal(("a", 100L, 20L, 3L, 5 * 6171L, 123 + 5 * 6171L), (a.Comm, a.RssPages, a.SwapEntsPages, a.PgtablesPages, a.AdjPoints, a.Points));
        Assert.Equal("rss 100 + swap 20 + pgtables 3 + adj 30855 = 30978", a.Explain());
    }
}
