// Models enum scan_balance (mm/vmscan.c), kernel-spec §13.1: how get_scan_count split a pass.
namespace MemQuest.Engine.Reclaim;

public enum ScanBalance
{
    /// <summary>Both types in proportion to their sizes (priority 0 with swappiness != 0).</summary>
    Equal,
    /// <summary>The swappiness/cost fraction of §13.2.</summary>
    Fract,
    /// <summary>Anon only ("file is tiny").</summary>
    Anon,
    /// <summary>File only (no swap, or cache trim mode).</summary>
    File,
}
