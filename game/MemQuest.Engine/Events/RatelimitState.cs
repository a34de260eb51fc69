// Models struct ratelimit_state and ___ratelimit (lib/ratelimit.c, 6.18) behind printk_ratelimited
// / pr_warn_ratelimited: at most Burst messages per Interval, the window starting at the first
// call; the first call after a window has expired opens a new one and, if messages were dropped,
// first logs "<func>: N callbacks suppressed". Defaults DEFAULT_RATELIMIT_INTERVAL (5 * HZ = 5 s)
// and DEFAULT_RATELIMIT_BURST (10). Time is the simulated uptime in milliseconds.
namespace MemQuest.Engine.Events;

public sealed class RatelimitState(string func, long intervalMs = RatelimitState.DefaultIntervalMs, int burst = RatelimitState.DefaultBurst)
{
    public const long DefaultIntervalMs = 5000;
    public const int DefaultBurst = 10;

    private bool _initialized;
    private long _beginMs;
    private int _left;

    /// <summary>Messages dropped in the current window (rs->missed).</summary>
    public int Missed { get; private set; }

    /// <summary>__ratelimit: whether the caller may print now; logs the suppressed count through
    /// <paramref name="printk"/> when a new window opens after drops.</summary>
    public bool Allow(long nowMs, Action<string> printk)
    {
        if (!_initialized)
        {
            _initialized = true;
            _beginMs = nowMs;
            _left = burst;
        }
        if (nowMs > _beginMs + intervalMs)              // time_is_before_jiffies(rs->begin + interval)
        {
            _left = burst;
            if (Missed > 0) printk($"{func}: {Missed} callbacks suppressed");
            Missed = 0;
            _beginMs = nowMs;
        }
        if (_left > 0) { _left--; return true; }
        Missed++;
        return false;
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(_initialized ? 1 : 0); w.Add(_beginMs); w.Add(_left); w.Add(Missed);
    }
}
