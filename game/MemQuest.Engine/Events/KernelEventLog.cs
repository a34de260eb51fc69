// Not a kernel structure: the receipt recorder. Receipts cost nothing on the hot path unless
// someone listens: callers test Listening before building a record (the benchmark runs with
// nobody listening). While listening, records go to a bounded ring that keeps the newest ones.
namespace MemQuest.Engine.Events;

public sealed class KernelEventLog
{
    private readonly KernelEvent?[] _ring;
    private long _written;
    private int _listeners;

    public KernelEventLog(int capacity = 4096)
    {
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity));
        _ring = new KernelEvent?[capacity];
    }

    /// <summary>The simulated tick stamped on new receipts; Machine advances it.</summary>
    public long Tick { get; set; }

    /// <summary>True while at least one listener wants receipts.</summary>
    public bool Listening => _listeners > 0;

    /// <summary>Receipts recorded since the log was created (including ones the ring dropped).</summary>
    public long Written => _written;

    public int Capacity => _ring.Length;

    /// <summary>Start listening; dispose the result to stop.</summary>
    public IDisposable Listen()
    {
        _listeners++;
        return new Subscription(this);
    }

    public void Add(KernelEvent e)
    {
        if (_listeners == 0) return;
        _ring[_written % _ring.Length] = e;
        _written++;
    }

    /// <summary>Receipts written at or after <paramref name="mark"/> (a value of Written), oldest first.</summary>
    public IReadOnlyList<KernelEvent> Since(long mark)
    {
        long first = Math.Max(mark, _written - _ring.Length);
        var list = new List<KernelEvent>((int)Math.Max(0, _written - first));
        for (long i = first; i < _written; i++) list.Add(_ring[i % _ring.Length]!);
        return list;
    }

    private sealed class Subscription(KernelEventLog log) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            log._listeners--;
        }
    }
}
