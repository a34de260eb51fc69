// The game's clock (architecture §2.5, E7): a UI-thread timer that beats every 100 ms and advances
// the box by the ticks the wall clock says are due (one per 100 ms at x1, 4 at x4, 16 at x16, so
// timer jitter never slows simulated time), then tells the screen to redraw. It is the only caller
// of Advance. Pausing removes the timer, so a paused box costs no wake-ups at all (idle CPU).
using Terminal.Gui.App;

namespace MemQuest.App;

public sealed class GameClock : IDisposable
{
    public static readonly TimeSpan BeatInterval = TimeSpan.FromMilliseconds(100);
    private static readonly int[] s_speeds = [1, 4, 16];
    private readonly IApplication _app;
    private readonly Action<int> _advance;
    private const int MaxCatchUpBeats = 5;
    private readonly Func<long> _nowMs;
    private long _lastMs;
    private object? _timer;
    private bool _started;
    private int _speedIndex;
    private long _dueMs;

    /// <param name="nowMs">The wall clock in milliseconds (tests pass a fake one).</param>
    public GameClock(IApplication app, Action<int> advance, Func<long>? nowMs = null)
    {
        _app = app;
        _advance = advance;
        _nowMs = nowMs ?? (() => Environment.TickCount64);
    }

    /// <summary>After every beat that advanced the box: redraw from fresh models.</summary>
    public event Action? Beat;

    /// <summary>Pause or speed changed (the screen shows them in its title).</summary>
    public event Action? Changed;

    public bool Paused { get; private set; }
    public int Speed => s_speeds[_speedIndex];
    /// <summary>The beat timer exists: started and not paused.</summary>
    public bool Running => _timer is not null;

    public void Start()
    {
        _started = true;
        StartTimer();
    }

    public void Stop()
    {
        _started = false;
        StopTimer();
    }

    public void TogglePause()
    {
        Paused = !Paused;
        if (Paused) StopTimer();
        else StartTimer();
        Changed?.Invoke();
    }

    /// <summary>Pause (if running) or resume (if paused) without toggling blindly.</summary>
    public void SetPaused(bool paused)
    {
        if (Paused != paused) TogglePause();
    }

    private void StartTimer()
    {
        if (_timer is not null || !_started || Paused) return;
        _lastMs = _nowMs();
        _dueMs = 0;
        _timer = _app.AddTimeout(BeatInterval, OnTimer);
    }

    private void StopTimer()
    {
        if (_timer is not null) _app.RemoveTimeout(_timer);
        _timer = null;
    }

    /// <summary>x1 → x4 → x16 → x1.</summary>
    public void CycleSpeed()
    {
        _speedIndex = (_speedIndex + 1) % s_speeds.Length;
        Changed?.Invoke();
    }

    /// <summary>One beat of <paramref name="ticks"/> ticks (default: the speed), then redraw; nothing
    /// while paused. The timer calls this; so do the benchmark and the tests.</summary>
    public void RunBeat(int? ticks = null)
    {
        if (Paused) return;
        _advance(ticks ?? Speed);
        Beat?.Invoke();
    }

    /// <summary>"x4" or "paused".</summary>
    public string Describe() => Paused ? "paused" : $"x{Speed}";

    public void Dispose() => Stop();

    /// <summary>The timer's beat: advance by the ticks that are due on the wall clock. Returns whether
    /// this timer goes on: Terminal.Gui re-adds a timeout whose callback returns true even if the
    /// callback removed it, so a Stop or pause during the beat (the incident ended) must return false.</summary>
    internal bool OnTimer()
    {
        object? mine = _timer;
        long now = _nowMs();
        long elapsed = Math.Max(0, now - _lastMs);
        _lastMs = now;
        if (Paused) { _dueMs = 0; return false; }
        long tickMs = Engine.Machine.TickMilliseconds;
        _dueMs = Math.Min(_dueMs + elapsed * Speed, MaxCatchUpBeats * tickMs * Speed);
        int ticks = (int)(_dueMs / tickMs);
        _dueMs -= ticks * tickMs;
        if (ticks > 0) RunBeat(ticks);
        return _timer is not null && ReferenceEquals(_timer, mine);
    }
}
