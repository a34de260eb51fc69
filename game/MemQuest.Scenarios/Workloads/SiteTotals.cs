// Totals of one allocation site in an AllocationLedger.
namespace MemQuest.Scenarios.Workloads;

public sealed class SiteTotals
{
    public long Calls { get; set; }
    public long AllocatedBytes { get; set; }
    public long HeldBytes { get; set; }
    public long PeakBytes { get; set; }
}
