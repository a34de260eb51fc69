// Runs the incident's processes: spawns them, steps their workloads every tick in pid order,
// notices when one dies (OOM kill) and, for services, plays systemd: start, stop, restart (down for
// StartupTicks while it comes up), Restart=on-failure after RestartDelayTicks, environment, journal,
// and the health sample behind each service's p99. A task memory.high throttled skips its ticks
// until the kernel wakes it, and each such tick counts as a stall in its health.
using MemQuest.Engine;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Workloads;
using MemQuest.Scenarios.Workloads.Kernel;
using MemQuest.Scenarios.Model.Box;

namespace MemQuest.Scenarios.Services;

public sealed class ServiceTable
{
    public const long StartupTicks = 20;
    public const long RestartDelayTicks = 50;
    private readonly IKernelMechanisms _kernel;
    private readonly List<WorkloadProcess> _processes = [];

    public ServiceTable(ScenarioDefinition scenario, IKernelMechanisms kernel, SimRandom random)
    {
        _kernel = kernel;
        foreach (ProcessDefinition d in scenario.AllProcesses)
        {
            WorkloadDefinition w = scenario.Workloads[d.WorkloadId];
            WorkloadKind kind = WorkloadKinds.Find(w.Kind)!;
            _processes.Add(new WorkloadProcess(d, w, kind, new WorkloadContext(kernel, random, new AllocationLedger()) { Sites = w.Sites }));
        }
    }

    /// <summary>Manager environment (systemctl set-environment VAR=VALUE): every unit started later sees it.</summary>
    public SortedDictionary<string, string> ManagerEnvironment { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<WorkloadProcess> Processes => _processes;

    public IEnumerable<WorkloadProcess> Services => _processes.Where(p => p.IsService);

    /// <summary>A unit by name, with or without ".service"; a plain process by its name.</summary>
    public WorkloadProcess? Find(string name)
    {
        string n = name.EndsWith(".service", StringComparison.Ordinal) ? name[..^".service".Length] : name;
        return _processes.FirstOrDefault(p => p.Unit == n) ?? _processes.FirstOrDefault(p => p.Name == n);
    }

    public WorkloadProcess? FindByPid(int pid) => _processes.FirstOrDefault(p => p.Pid == pid && pid > 0);

    public void StartAll(long tick)
    {
        foreach (WorkloadProcess p in _processes) Launch(p, tick);
    }

    /// <summary>One tick: due starts, workloads in pid order, deaths, health.</summary>
    public void Step(long tick)
    {
        foreach (WorkloadProcess p in _processes.Where(p => p.State == UnitState.Activating && tick >= p.StartAtTick).ToList()) Launch(p, tick);
        foreach (WorkloadProcess p in _processes.Where(p => p.Running).OrderBy(p => p.Pid).ToList())
        {
            if (!_kernel.Alive(p.Pid)) { Died(p, tick); continue; }
            if (_kernel.Throttled(p.Pid)) { p.ThrottledTicks++; continue; }     // asleep in the kernel: its work waits
            p.Context.Tick = tick;
            p.Behavior!.Tick(p.Context);
            DrainJournal(p, tick);
            if (p.Context.Exited) { p.Finished = true; Exit(p, tick, UnitState.Inactive, "Deactivated successfully."); }
        }
        foreach (WorkloadProcess p in _processes) SampleHealth(p);
    }

    public void Stop(WorkloadProcess p, long tick)
    {
        if (p.Running) Exit(p, tick, UnitState.Inactive, $"Stopped {p.Unit}.service.", kill: true);
        p.State = UnitState.Inactive;
        p.StartAtTick = -1;
    }

    public void Start(WorkloadProcess p, long tick)
    {
        if (p.Running || p.State == UnitState.Activating) return;
        Log(p, tick, 0, $"Starting {p.Unit}.service...");
        p.State = UnitState.Activating;
        p.StateSinceTick = tick;
        p.StartAtTick = tick + StartupTicks;
    }

    public void Restart(WorkloadProcess p, long tick)
    {
        Stop(p, tick);
        p.Restarts++;
        Start(p, tick);
    }

    private void Launch(WorkloadProcess p, long tick)
    {
        var env = new SortedDictionary<string, string>(ManagerEnvironment, StringComparer.Ordinal);
        foreach (var (k, v) in p.Environment) env[k] = v;
        WorkloadParams prm = p.Kind.Resolve(p.Workload.Params, p.Definition.Params, ConfigParams(p.Config));
        int pid = _kernel.Spawn(p.Name, 1, p.Definition.OomScoreAdj, env);
        if (pid <= 0)
        {
            p.State = UnitState.Failed;
            p.StateSinceTick = tick;
            p.ExitReason = "resources";
            if (p.IsService) Log(p, tick, 0, $"{p.Unit}.service: Failed to fork: Cannot allocate memory");
            return;
        }
        p.Pid = pid;
        p.Context.Pid = p.Pid;
        p.Context.Tick = tick;
        p.Context.Environment = env;
        p.Context.Exited = false;
        p.Context.Ledger = new AllocationLedger();
        (p.LastAllocFailures, p.LastDiskPages, p.LastSwapIns, p.LastStallTicks) = (0, p.Context.DiskPages, 0, 0);
        p.State = UnitState.Active;
        p.StateSinceTick = tick;
        p.StartAtTick = -1;
        p.ExitReason = null;
        p.Behavior = p.Kind.Create(prm);
        if (p.IsService) Log(p, tick, 0, $"Started {p.Unit}.service.");
        p.Behavior.Start(p.Context);
        DrainJournal(p, tick);
    }

    private static Dictionary<string, string> ConfigParams(List<ConfigSetting> config) =>
        config.ToDictionary(c => c.Param, c => c.Value);

    private void Died(WorkloadProcess p, long tick)
    {
        OomKill? kill = _kernel.OomKillsSince(p.StateSinceTick).LastOrDefault(k => k.Pid == p.Pid);
        p.ExitReason = kill is null ? "signal" : "oom-kill";
        Log(p, tick, 0, $"{p.Unit}.service: Main process exited, code=killed, status=9/KILL");
        Log(p, tick, 0, $"{p.Unit}.service: Failed with result '{p.ExitReason}'.");
        p.Pid = 0;
        p.State = UnitState.Failed;
        p.StateSinceTick = tick;
        if (p.IsService) { p.State = UnitState.Activating; p.StartAtTick = tick + RestartDelayTicks; p.Restarts++; }
    }

    private void Exit(WorkloadProcess p, long tick, UnitState state, string message, bool kill = false)
    {
        p.Behavior?.Stop(p.Context);
        if (kill || _kernel.Alive(p.Pid)) _kernel.Exit(p.Pid);
        if (p.IsService) Log(p, tick, 0, message);
        p.Pid = 0;
        p.State = state;
        p.StateSinceTick = tick;
    }

    private static void DrainJournal(WorkloadProcess p, long tick)
    {
        foreach (string line in p.Context.Journal) Log(p, tick, p.Pid, line);
        p.Context.Journal.Clear();
    }

    private static void Log(WorkloadProcess p, long tick, int pid, string text) => p.Journal.Add(new JournalEntry(tick, pid, text));

    private void SampleHealth(WorkloadProcess p)
    {
        if (!p.Running)
        {
            p.P99Ms = ServiceHealth.DownP99Ms;
            p.DownTicks++;
            if (p.IsService) p.SloBreachTicks++;
            return;
        }
        ProcessCounters c = _kernel.Counters(p.Pid);
        long disk = p.Context.DiskPages - p.LastDiskPages, fails = p.Context.Ledger.FailedAllocations - p.LastAllocFailures;
        long swapIns = c.SwapIns - p.LastSwapIns, stalls = c.StallTicks - p.LastStallTicks + p.ThrottledTicks - p.LastThrottledTicks;
        (p.LastDiskPages, p.LastAllocFailures, p.LastSwapIns, p.LastStallTicks) = (p.Context.DiskPages, p.Context.Ledger.FailedAllocations, c.SwapIns, c.StallTicks);
        p.LastThrottledTicks = p.ThrottledTicks;
        long instant = ServiceHealth.InstantP99Ms(p.Workload.Health, Math.Max(0, disk), Math.Max(0, swapIns), Math.Max(0, fails), Math.Max(0, stalls));
        p.P99Ms = ServiceHealth.Smooth(p.P99Ms, instant);
        if (p.IsService && p.SloP99Ms > 0 && p.P99Ms > p.SloP99Ms) p.SloBreachTicks++;
    }
}
