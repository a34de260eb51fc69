// One process the incident runs, with its workload behaviour and (if it is a service) its unit
// state: config as it is on disk and as it was when the process started, environment, restarts,
// journal and health. Owned by ServiceTable.
using MemQuest.Scenarios.Workloads;
using MemQuest.Scenarios.Model.Box;

namespace MemQuest.Scenarios.Services;

public sealed class WorkloadProcess(ProcessDefinition definition, WorkloadDefinition workload, WorkloadKind kind, WorkloadContext context)
{
    public ProcessDefinition Definition { get; } = definition;
    public WorkloadDefinition Workload { get; } = workload;
    public WorkloadKind Kind { get; } = kind;
    public WorkloadContext Context { get; } = context;
    public IWorkloadBehavior? Behavior { get; set; }
    public string Name => Definition.Name;
    public string Unit => Definition.UnitOrName;
    public bool IsService => Definition.Service is not null;
    public int Pid { get; set; }
    public UnitState State { get; set; } = UnitState.Inactive;
    public long StateSinceTick { get; set; }
    public long StartAtTick { get; set; } = -1;
    public int Restarts { get; set; }
    public long DownTicks { get; set; }
    public long SloBreachTicks { get; set; }
    public long P99Ms { get; set; } = ServiceHealth.DownP99Ms;
    public string? ExitReason { get; set; }

    /// <summary>The process ended by itself with success (a batch job that finished its work).</summary>
    public bool Finished { get; set; }

    /// <summary>The config file as edited (key → value), in file order.</summary>
    public List<ConfigSetting> Config { get; } = [.. definition.Service?.Config ?? []];

    /// <summary>Unit-specific environment (systemctl set-environment UNIT VAR=VALUE).</summary>
    public SortedDictionary<string, string> Environment { get; } = new((definition.Service?.Environment ?? new Dictionary<string, string>()).ToDictionary(), StringComparer.Ordinal);

    public List<JournalEntry> Journal { get; } = [];

    /// <summary>Counters at the previous health sample, to take per-tick deltas.</summary>
    public long LastDiskPages { get; set; }
    public long LastAllocFailures { get; set; }
    public long LastSwapIns { get; set; }
    public long LastStallTicks { get; set; }
    /// <summary>Ticks the task spent asleep in memory.high throttling (it did no work).</summary>
    public long ThrottledTicks { get; set; }
    public long LastThrottledTicks { get; set; }

    public bool Running => State == UnitState.Active && Pid > 0;

    public long SloP99Ms => Definition.Service?.SloP99Ms ?? 0;
}
