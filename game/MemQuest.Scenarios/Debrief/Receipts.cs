// The kernel decisions behind an outcome, collected while the session runs: failed allocations,
// crossed watermarks, pageblock steals, the split chains that served costly requests (order > 3),
// OOM decisions and kills as their subsystems report them, and module messages.
// Bounded: the first MaxReceipts are kept (the first failure is the one that explains the rest);
// failures and OOM decisions are kept past that bound (up to MaxFailures more), so routine
// receipts cannot push the failure that explains the incident out of the list.
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
        List<KernelEvent> batch = events.ToList();
        for (int i = 0; i < batch.Count;)
        {
            if (batch[i] is BuddySplit)
            {
                int end = ChainEnd(batch, i);
                // expand() halves one block down to the requested order: the chain's last half is that order.
                if (((BuddySplit)batch[end - 1]).HalfOrder > Engine.Units.PageAllocCostlyOrder)
                    for (int j = i; j < end; j++) Keep(batch[j]);
                i = end;
                continue;
            }
            if (batch[i] is not BuddyMerged) Keep(batch[i]);
            i++;
        }
    }

    /// <summary>One past the last split of the chain starting at <paramref name="start"/>: the same block
    /// start, each half one order smaller than the one before.</summary>
    private static int ChainEnd(List<KernelEvent> batch, int start)
    {
        var first = (BuddySplit)batch[start];
        int end = start + 1;
        while (end < batch.Count && batch[end] is BuddySplit next && next.Pfn == first.Pfn
               && next.HalfOrder == ((BuddySplit)batch[end - 1]).HalfOrder - 1)
            end++;
        return end;
    }

    private void Keep(KernelEvent e)
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
