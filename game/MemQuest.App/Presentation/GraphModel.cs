// The live graph over simulated time (MemAvailable, cache, a service metric): a ring of samples and
// a pure renderer to rows of eighth-block characters, newest on the right. One sample per beat.
namespace MemQuest.App.Presentation;

public sealed class GraphModel(IReadOnlyList<GraphSeries> series, int capacity = 512)
{
    private const string Blocks = " ▁▂▃▄▅▆▇█";
    private readonly GraphSample[] _ring = new GraphSample[Math.Max(1, capacity)];
    private int _next;

    public IReadOnlyList<GraphSeries> Series { get; } = series;
    public int Count { get; private set; }
    public int Capacity => _ring.Length;

    public void Add(GraphSample sample)
    {
        if (sample.Values.Count != Series.Count) throw new ArgumentException($"a sample needs {Series.Count} values", nameof(sample));
        _ring[_next] = sample;
        _next = (_next + 1) % _ring.Length;
        Count = Math.Min(Count + 1, _ring.Length);
    }

    /// <summary>The newest <paramref name="n"/> samples, oldest first.</summary>
    public IReadOnlyList<GraphSample> Last(int n)
    {
        n = Math.Clamp(n, 0, Count);
        var list = new List<GraphSample>(n);
        for (int i = n; i >= 1; i--) list.Add(_ring[((_next - i) % _ring.Length + _ring.Length) % _ring.Length]);
        return list;
    }

    /// <summary>Series <paramref name="index"/> as <paramref name="rows"/> text rows of <paramref name="width"/> cells (top row first).</summary>
    public IReadOnlyList<string> Plot(int index, int width, int rows)
    {
        width = Math.Max(0, width);
        rows = Math.Max(1, rows);
        IReadOnlyList<GraphSample> samples = Last(width);
        long max = Math.Max(1, Series[index].Max);
        var grid = new char[rows][];
        for (int r = 0; r < rows; r++) grid[r] = Enumerable.Repeat(' ', width).ToArray();
        int offset = width - samples.Count;
        for (int x = 0; x < samples.Count; x++)
        {
            long v = Math.Clamp(samples[x].Values[index], 0, max);
            long eighths = (long)Math.Round((double)v * rows * 8 / max);
            if (eighths == 0 && v > 0) eighths = 1;
            for (int r = 0; r < rows; r++)
            {
                long cell = Math.Clamp(eighths - (rows - 1 - r) * 8L, 0, 8);
                grid[r][offset + x] = Blocks[(int)cell];
            }
        }
        return grid.Select(g => new string(g)).ToList();
    }

    /// <summary>"MemAvailable 2.7Gi" for the newest sample (or "MemAvailable -" before the first).</summary>
    public string Caption(int index) =>
        Count == 0 ? $"{Series[index].Name} -" : $"{Series[index].Name} {Series[index].Format(Last(1)[0].Values[index])}";

    /// <summary>How much simulated time the newest <paramref name="width"/> samples cover, e.g. "last 12.5 s".</summary>
    public string Span(int width)
    {
        IReadOnlyList<GraphSample> s = Last(width);
        if (s.Count < 2) return "";
        double seconds = (s[^1].Tick - s[0].Tick) * Engine.Machine.TickMilliseconds / 1000.0;
        return $"last {seconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} s";
    }
}
