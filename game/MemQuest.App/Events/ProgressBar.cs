// A one-line progress bar on standard error ("judging [#####     ] 512/1024"), redrawn at most
// every 1% so a big judge does not flood the terminal. Safe to call from worker threads.
namespace MemQuest.App.Events;

public sealed class ProgressBar(TextWriter output, string label)
{
    private const int WidthChars = 30;
    private readonly Lock _lock = new();
    private int _lastPercent = -1;

    public void Report(int done, int total)
    {
        int percent = total == 0 ? 100 : done * 100 / total;
        lock (_lock)
        {
            if (percent == _lastPercent && done != total) return;
            _lastPercent = percent;
            int filled = percent * WidthChars / 100;
            output.Write($"\r{label} [{new string('#', filled)}{new string(' ', WidthChars - filled)}] {done}/{total}");
            if (done == total) output.Write("\n");
        }
    }
}
