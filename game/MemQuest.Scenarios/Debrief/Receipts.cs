// The kernel decisions behind an outcome, collected while the session runs: failed allocations,
// crossed watermarks, pageblock steals, splits of costly orders (the chain that served a big
// request), OOM decisions and kills as their subsystems report them, and module messages.
// Bounded: the first MaxReceipts are kept (the first failure is the one that explains the rest);
// failures and OOM decisions are kept past that bound (up to MaxFailures more), so the boot's
// costly-order splits cannot push the failure that explains the incident out of the list.
using MemQuest.Engine.Events;

namespace MemQuest.Scenarios.Debrief;

public sealed class Receipts
{
    public const int MaxReceipts = 400;
    public const int MaxFailures = 100;
    private int _failuresPastBound;
    private readonly List<KernelEvent> _events = [];

    public IReadOnlyList<KernelEvent> Events => _events;
    public long Dropped { get; private set; }

    public void Add(IEnumerable<KernelEvent> events)
    {
        foreach (KernelEvent e in events.Where(Explains))
        {
            if (_events.Count < MaxReceipts) _events.Add(e);
            else if (e is AllocFailed or KmallocFailed or OomKillerDecided && _failuresPastBound < MaxFailures)
            {
                _events.Add(e);
                _failuresPastBound++;
            }
            else Dropped++;
        }
    }

    /// <summary>Order-0 and order-1 split/merge churn explains nothing on its own; everything else does.</summary>
    private static bool Explains(KernelEvent e) => e switch
    {
        BuddySplit s => s.FromOrder > Engine.Units.PageAllocCostlyOrder,
        BuddyMerged => false,
        _ => true,
    };
}
