using MemQuest.Persistence.Documents;

namespace MemQuest.Persistence.Tests;

/// <summary>stack.md §3.4: a writer killed with SIGKILL at random moments loses no committed write and leaves a file that opens.</summary>
public sealed class CrashSafetyTests
{
    private const int Rounds = 100;

    [Fact]
    public void KillMinus9_AtRandomMoments_EveryCommittedWriteSurvivesAndFileOpens()
    {
        using var saves = new TempSaves();
        var rng = new Random(20261124);
        long lastCommitted = -1;
        var killsAfterWrites = 0;
        var log = "";
        long reported;
        for (var round = 0; round < Rounds; round++)
        {
            using (var child = new ChildWriter(saves.Directory))
            {
                // Half the rounds die at a random time from launch (maybe while opening or
                // creating the file); the others a random time after their first committed write.
                if (round % 2 == 0)
                {
                    Thread.Sleep(rng.Next(0, 400));
                }
                else
                {
                    Assert.True(child.WaitForLine(l => l.StartsWith("C ", StringComparison.Ordinal), TimeSpan.FromSeconds(20)),
                        $"round {round}: the child wrote nothing: {string.Join(" | ", child.Lines)}");
                    Thread.Sleep(rng.Next(0, 60));
                }
                Assert.False(child.HasExited, $"round {round}: the child exited by itself: {string.Join(" | ", child.Lines)}");
                child.KillHard();
                Assert.DoesNotContain(child.Lines, l => l.StartsWith("FAILED", StringComparison.Ordinal) || l == "LOCKED");
                if (child.LastCommitted >= 0)
                    killsAfterWrites++;
                reported = child.LastCommitted;
                lastCommitted = Math.Max(lastCommitted, reported);
                log = $"{string.Join(" | ", child.Lines.TakeLast(3))} (exit {child.ExitCode}, {child.Lines.Count} lines)";
            }
            // A write can commit just before the kill and before its "C n" line; once found, it
            // counts as committed: it must survive every later round too.
            lastCommitted = VerifyAfterKill(saves, round, lastCommitted, reported, log);
        }
        Assert.True(killsAfterWrites >= Rounds / 2, $"only {killsAfterWrites} kills hit a writing child");
    }

    /// <summary>The file opens as ours; seeds are contiguous from 0 and reach every reported commit; progress agrees with the runs. Returns the highest seed.</summary>
    private static long VerifyAfterKill(TempSaves saves, int round, long lastCommitted, long reportedThisRound, string log)
    {
        using var saveLock = saves.Lock();
        var opened = SaveStore.Open(saveLock, saves.Clock);
        Assert.True(opened.Status == SaveOpenStatus.Opened, $"round {round}: {opened.Status}: {opened.Message}");
        using var store = opened.Store!;
        Assert.DoesNotContain(saves.Files(), f => f.Contains(".damaged-", StringComparison.Ordinal));
        var profile = store.FindProfile("stress");
        if (profile is null)
        {
            Assert.Equal(-1, lastCommitted);
            return -1;
        }
        var runs = store.ListRuns(profile.Id);
        var seeds = runs.Select(r => r.Log.Seed).Order().ToList();
        Assert.Equal(Enumerable.Range(0, seeds.Count).Select(i => (long)i), seeds);
        Assert.True(seeds.Count - 1 >= lastCommitted, $"round {round}: reported {lastCommitted} committed, found only up to {seeds.Count - 1}; child said {log}");
        Assert.True(seeds.Count - 1 <= lastCommitted + 1, $"round {round}: more writes ({seeds.Count}) than the child could have made; child said {log}");
        foreach (var group in runs.GroupBy(r => r.IncidentId))
        {
            var progress = store.FindProgress(profile.Id, group.Key);
            Assert.NotNull(progress);
            Assert.Equal(group.Max(r => r.Score.Total), progress.BestScore);
            Assert.True(progress.Solved);
        }
        Assert.All(runs, r => Assert.Equal(RunOutcome.Won, r.Outcome));
        // The unfinished-run log (what a resume replays) was saved before each "C n" line.
        if (reportedThisRound >= 0)
            Assert.True(store.FindUnfinished(profile.Id, "inc-live")?.Log.Seed >= reportedThisRound, $"round {round}: unfinished log older than {reportedThisRound}");
        return seeds.Count - 1;
    }
}
