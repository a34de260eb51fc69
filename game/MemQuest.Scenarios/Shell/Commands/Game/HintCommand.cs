// hint [buy]: show the hints bought so far (free to re-read) and what the next one costs; `hint buy`
// buys the next stage, charged against this incident's score only.
using System.Text;
using MemQuest.Scenarios.Play.Incident;

namespace MemQuest.Scenarios.Shell.Commands.Game;

public sealed class HintCommand : IShellCommand
{
    public string Name => "hint";
    public string Synopsis => "hint [buy]                  re-read bought hints; 'hint buy' buys the next (costs points)";
    public bool LabOnly => false;
    public bool GameOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        IncidentState? incident = IncidentConsole.Get(context, Name, out ShellResult? error);
        if (incident is null) return error!;
        HintBook book = incident.Hints;
        if (argv.Count > 2 || (argv.Count == 2 && argv[1] != "buy")) return ShellResult.Usage("usage: hint | hint buy");
        var sb = new StringBuilder();
        if (argv.Count == 2)
        {
            if (book.BuyNext() is null) return ShellResult.Fail("hint: every hint is already bought\n");
            sb.Append($"bought hint {book.Bought} of {book.Hints.Count} (-{book.Hints[book.Bought - 1].Cost} points)\n");
        }
        for (int i = 0; i < book.Bought; i++) sb.Append($"hint {i + 1}: {book.Hints[i].Text}\n");
        sb.Append(book.Bought < book.Hints.Count
            ? $"next hint ({book.Bought + 1} of {book.Hints.Count}) costs {book.Hints[book.Bought].Cost} points: type 'hint buy'\n"
            : "no more hints.\n");
        return ShellResult.Ok(sb.ToString());
    }
}
