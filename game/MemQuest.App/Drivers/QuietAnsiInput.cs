// Terminal.Gui's ANSI input, but idle-friendly: the stock input thread wakes every 20 ms
// (Task.Delay(20).Wait(), a timer, a thread-pool hop and a wake-up each time) to ask whether a key
// came; this one sleeps in poll(2) on the terminal until a key comes, or 100 ms pass (so a quit is
// still seen quickly). Reading and decoding stay Terminal.Gui's own: this wraps an AnsiInput and only
// replaces the loop that waits (AnsiInput's Run cannot be overridden).
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Terminal.Gui.Drivers;

namespace MemQuest.App.Drivers;

internal sealed class QuietAnsiInput : IInput<char>
{
    private readonly AnsiInput _inner = new();
    private const int WaitMs = 100;
    private const short PollIn = 1;
    private ConcurrentQueue<char>? _queue;

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

#pragma warning disable SYSLIB1054 // DllImport: LibraryImport would need unsafe code for one call
    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static extern int Poll(ref PollFd fd, nuint count, int timeoutMs);
#pragma warning restore SYSLIB1054

    public CancellationTokenSource? ExternalCancellationTokenSource { get; set; }

    public void Initialize(ConcurrentQueue<char> inputQueue)
    {
        _queue = inputQueue;
        _inner.Initialize(inputQueue);
    }

    public void Dispose() => _inner.Dispose();

    public void Run(CancellationToken runCancellationToken)
    {
        using CancellationTokenSource? linked = ExternalCancellationTokenSource is { } external
            ? CancellationTokenSource.CreateLinkedTokenSource(runCancellationToken, external.Token) : null;
        CancellationToken token = linked?.Token ?? runCancellationToken;
        ConcurrentQueue<char> queue = _queue ?? throw new InvalidOperationException("Cannot run input before Initialization");
        var stdin = new PollFd { Fd = 0, Events = PollIn };
        while (!token.IsCancellationRequested)
        {
            while (_inner.Peek())
                foreach (char c in _inner.Read()) queue.Enqueue(c);
            stdin.Revents = 0;
            if (Poll(ref stdin, 1, WaitMs) < 0 && Marshal.GetLastPInvokeError() != 4 /* EINTR */)
                Thread.Sleep(20);   // poll failed for good: fall back to Terminal.Gui's pace
        }
    }
}
