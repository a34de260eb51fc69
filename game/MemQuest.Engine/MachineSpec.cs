// Boot parameters of a simulated box: RAM (MemTotal exactly), CPUs, swap, THP mode and sysctl
// overrides written after boot as an admin would. Comes from content or `memquest lab` flags.
namespace MemQuest.Engine;

public sealed record MachineSpec(long MemTotalKb, int Cpus = 2, long SwapKb = 0)
{
    /// <summary>/sys/kernel/mm/transparent_hugepage/enabled: always, madvise (the default of common distributions) or never.</summary>
    public string ThpEnabled { get; init; } = "madvise";

    /// <summary>vm.* values (name without the "vm." prefix) written after boot, in this order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Sysctls { get; init; } = [];

    public static MachineSpec Default => new(4L * 1024 * 1024);
}
