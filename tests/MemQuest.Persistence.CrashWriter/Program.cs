// Usage: MemQuest.Persistence.CrashWriter SAVES_DIR [MAX_WRITES]
// Opens the save (taking the lock), then records finished runs with seeds 0, 1, 2 ... (continuing
// after the highest seed already saved) and prints "C <seed>" only after each write returned,
// i.e. was committed. Runs until killed or MAX_WRITES is reached, then waits for stdin to close.
// Exit codes: 0 done, 3 lock held by another process, 4 save not opened.
using MemQuest.Persistence;
using MemQuest.Persistence.Documents;

var dir = args[0];
var maxWrites = args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : long.MaxValue;
using var saveLock = SaveLock.TryAcquire(dir);
if (saveLock is null)
{
    Console.WriteLine("LOCKED");
    return 3;
}
var opened = SaveStore.Open(saveLock, TimeProvider.System);
if (opened.Store is null)
{
    Console.WriteLine($"FAILED {opened.Status}: {opened.Message}");
    return 4;
}
using var store = opened.Store;
var profile = store.FindProfile("stress") ?? store.CreateProfile("stress");
var next = store.ListRuns(profile.Id).Select(r => r.Log.Seed + 1).DefaultIfEmpty(0).Max();
Console.WriteLine($"READY {next}");
for (long written = 0; written < maxWrites; written++, next++)
{
    var incident = $"inc-{next % 20}";
    var log = new RunLog
    {
        ScenarioId = incident,
        ContentDigest = "stress",
        Seed = next,
        Commands = [new LoggedCommand { Tick = 1, Line = $"write {next}" }],
        EndTick = 2,
    };
    var score = new ScoreCardRecord { Total = (int)next, Stars = (int)(next % 4) };
    store.RecordFinishedRun(profile.Id, new RunRecord(incident, log, score, RunOutcome.Won, $"d{next}"));
    store.SaveUnfinished(profile.Id, "inc-live", log);
    Console.WriteLine($"C {next}");
}
Console.In.ReadToEnd();
return 0;
