// `memquest play ID --plain`: the incident in line mode, for scripts and screen readers. Console
// lines go to the session; `tick N` and `wait SECONDS` let time run; `objectives` and `hint` work as
// in the game; at `end` or end of input the incident plays out and the result is printed.
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Shell;

namespace MemQuest.App.Cli.Incidents;

public sealed class PlainRunner(TextReader stdin, TextWriter stdout)
{
    public const long MaxTicks = 1_000_000;

    public SessionOutcome Run(ScenarioDefinition s, Session session)
    {
        stdout.Write($"{s.Title}\n\n{s.Briefing}\n\nbox: {s.Machine.Id}, {s.Machine.MemTotalKb} kB RAM, {s.Machine.Cpus} CPU(s)\n");
        stdout.Write("Type console commands; 'tick N' or 'wait SECONDS' lets time pass; 'end' lets the incident play out.\n");
        string? line;
        while (session.Status == SessionStatus.Running && (line = stdin.ReadLine()) is not null)
        {
            string t = line.Trim();
            if (t.Length == 0 || t.StartsWith('#')) continue;
            if (t is "end" or "quit" or "exit") break;
            stdout.Write($"[{session.Incident.Clock.At(session.Tick)}] $ {t}\n");
            if (TryTime(t, out long ticks, out string? timeError))
            {
                if (timeError is not null) { stdout.Write(timeError + "\n"); continue; }
                session.Advance(ticks);
                continue;
            }
            ShellResult r = session.Submit(t);
            stdout.Write(r.Output);
            if (r.ErrorMessage is not null) stdout.Write(r.ErrorMessage + "\n");
        }
        session.RunToEnd();
        return SessionOutcome.Of(session);
    }

    /// <summary>Whether the line is a time command; its ticks, or an error that says how to write it.</summary>
    public static bool TryTime(string line, out long ticks, out string? error)
    {
        ticks = 0;
        error = null;
        string[] w = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (w[0] is not ("tick" or "wait")) return false;
        bool ok = w.Length == 2 && long.TryParse(w[1], out ticks) && ticks >= 1 && ticks <= MaxTicks;
        if (ok && w[0] == "wait") ticks *= 10;
        if (!ok) error = $"usage: tick N (1..{MaxTicks} ticks of 100 ms) or wait SECONDS";
        return true;
    }
}
