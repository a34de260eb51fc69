// One incident being played (architecture E7): boots the box, starts the processes and modules,
// runs fixed 100 ms ticks (timed events, then Machine.Step, then workloads, then the judge),
// takes console lines between ticks and logs each with its tick. Replays call the same methods.
using MemQuest.Engine;
using MemQuest.Engine.Procfs;
using MemQuest.Scenarios.Debrief;
using MemQuest.Scenarios.Judging;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Workloads.Kernel;
using MemQuest.Scenarios.Model.Box;
using MemQuest.Scenarios.Model.Costs;
using MemQuest.Scenarios.Play.Replay;
using MemQuest.Scenarios.Play.Incident;

namespace MemQuest.Scenarios.Play;

public sealed class Session
{
    private readonly List<LoggedCommand> _log = [];
    private readonly List<TranscriptEntry> _transcript = [];
    private readonly Judge _judge;
    /// <summary>Null when the session keeps no receipts (a replay that only needs the outcome and digest).</summary>
    private readonly IDisposable? _receiptsSubscription;
    private long _eventMark;

    private Session(ScenarioDefinition scenario, ulong seed, string contentDigest, bool receipts)
    {
        Scenario = scenario;
        Seed = seed;
        ContentDigest = contentDigest;
        Machine = Machine.Boot(scenario.Machine.ToSpec(), seed);
        // Receipts are records of what the kernel decided; the engine's state and digest are the same without them.
        _receiptsSubscription = receipts ? Machine.Events.Listen() : null;
        Kernel = new EngineKernel(Machine);
        Services = new ServiceTable(scenario, Kernel, Machine.Random);
        Modules = new ModuleTable(scenario.Modules, Kernel, Machine.Kmsg.Printk);
        _judge = new Judge(scenario);
        Incident = new IncidentState(scenario, Services, Modules, () => _judge.Objectives(JudgeContext));
        Console = new Shell.Shell(Machine, Shell.ShellMode.Game) { Context = { Incident = Incident } };
        Shell.Commands.Game.ConfigFiles.Register(Console.Context.Files, Incident);
    }

    /// <summary>A box that has been up a while: its services got pids in this range (seeded, so a
    /// solution that hard-codes a pid fails on hidden seeds; $(pidof NAME) does not).</summary>
    public const int FirstPidMin = 400, FirstPidMax = 4000;

    public ScenarioDefinition Scenario { get; }
    public ulong Seed { get; }
    public string ContentDigest { get; }
    public Machine Machine { get; }
    public IKernelMechanisms Kernel { get; }
    public ServiceTable Services { get; }
    public ModuleTable Modules { get; }
    public IncidentState Incident { get; }
    public Shell.Shell Console { get; }
    public SessionStatus Status { get; private set; } = SessionStatus.Running;
    public IReadOnlyList<Verdict> Verdicts { get; private set; } = [];
    public RunMetrics Metrics { get; } = new();
    public Receipts Receipts { get; } = new();
    public IReadOnlyList<TranscriptEntry> Transcript => _transcript;
    public long Tick => Machine.Tick;
    public SessionLog Log => new(Scenario.Id, ContentDigest, EngineInfo.Version, Seed, [.. _log], Machine.Tick);

    private JudgeContext JudgeContext => new(Machine, Services, Modules, Kernel);

    /// <summary>Boot the incident on a seed. Throws if this engine build cannot run it (see Missing).
    /// Without <paramref name="receipts"/> the session records no receipts (Receipts stays empty): the
    /// judge and the robustness runs need only the outcome, and recording costs time on every allocation.</summary>
    public static Session Start(ScenarioDefinition scenario, ulong seed, string contentDigest, bool receipts = true)
    {
        string? missing = Readiness.Missing(scenario, EngineKernel.Provided);
        if (missing is not null) throw new InvalidOperationException(missing);
        var s = new Session(scenario, seed, contentDigest, receipts);
        s.Machine.Processes.SetLastPid((int)s.Machine.Random.Next(FirstPidMin, FirstPidMax));
        s.Services.StartAll(0);
        foreach (ModuleDefinition m in scenario.Modules.Where(m => m.LoadAtBoot)) s.Modules.Load(m.Name, [], 0);
        s.Verdicts = s._judge.Objectives(s.JudgeContext);
        s.Sample();
        return s;
    }

    /// <summary>Run one console line between ticks; it is logged with the current tick.</summary>
    public Shell.ShellResult Submit(string line)
    {
        if (Status != SessionStatus.Running)
            return Shell.ShellResult.Usage($"the incident is over ({Status.ToString().ToLowerInvariant()}); start it again to play on");
        string canonical = ConsoleLine.Canonical(line) ?? line.Trim();
        if (canonical.Length == 0) return Shell.ShellResult.Ok("");
        _log.Add(new LoggedCommand(Machine.Tick, canonical));
        int hintsBefore = Incident.Hints.Bought;
        Shell.ShellResult result = Console.Run(canonical);
        if (result.Succeeded)
            foreach (ActionKind kind in ConsoleLine.Actions(canonical))
                Metrics.Actions.Add(new ActionCharge(Machine.Tick, canonical, kind, Scenario.Costs.CostOf(kind)));
        if (Incident.Hints.Bought != hintsBefore) { Metrics.HintCost = Incident.Hints.CostSoFar; Metrics.HintsBought = Incident.Hints.Bought; }
        _transcript.Add(new TranscriptEntry(Machine.Tick, canonical, result.Output + (result.ErrorMessage is null ? "" : result.ErrorMessage + "\n")));
        TakeReceipts();
        return result;
    }

    /// <summary>Run up to <paramref name="ticks"/> ticks; stops early when the incident is won or lost.</summary>
    public void Advance(long ticks)
    {
        for (long i = 0; i < ticks && Status == SessionStatus.Running; i++)
        {
            foreach (TimedEvent e in Scenario.Events.Where(e => e.AtTick == Machine.Tick)) Apply(e);
            Machine.Step();
            Services.Step(Machine.Tick);
            Sample();
            (Status, Verdicts) = _judge.Check(JudgeContext);
        }
    }

    /// <summary>Let the incident play out to its end tick (or until it is decided).</summary>
    public void RunToEnd() => Advance(Scenario.EndTick - Machine.Tick);

    /// <summary>The run's final digest: the box's state digest plus the session's own state.</summary>
    public string Digest()
    {
        using var w = new DigestWriter();
        w.Add(Machine.Digest());
        w.Add(Status.ToString());
        foreach (WorkloadProcess p in Services.Processes)
        {
            w.Add(p.Unit); w.Add(p.Pid); w.Add((long)p.State); w.Add(p.Restarts); w.Add(p.SloBreachTicks); w.Add(p.P99Ms);
        }
        foreach (LoadedModule m in Modules.Loaded.Values) { w.Add(m.Name); w.Add(m.BufAlloc); w.Add(m.Handle); }
        w.Add(Incident.Hints.Bought);
        return w.Finish();
    }

    private void Apply(TimedEvent e)
    {
        switch (e.Action)
        {
            case "spike":
                if (Services.Find(e.Target) is { } p) p.Context.LoadPermille = long.Parse(e.Value, System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "modprobe":
                Modules.Load(e.Target, ModprobeArgs.Parse(e.Value), Machine.Tick);
                break;
            case "run":
                Console.Run(e.Value);
                break;
        }
    }

    private void TakeReceipts()
    {
        if (_receiptsSubscription is null) return;
        Receipts.Add(Machine.Events.Since(_eventMark));
        _eventMark = Machine.Events.Written;
    }

    private void Sample()
    {
        TakeReceipts();
        Metrics.Ticks = Machine.Tick;
        long available = Meminfo.SiMemAvailable(Machine.Node) << (Units.PageShift - 10);
        Metrics.MinMemAvailableKb = Math.Min(Metrics.MinMemAvailableKb, available);
        foreach (WorkloadProcess p in Services.Services) Metrics.SloBreachTicks[p.Unit] = p.SloBreachTicks;
    }
}
