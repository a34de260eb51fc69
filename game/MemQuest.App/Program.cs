// The `memquest` program: the CLI root. With no command it starts the game's screens on a terminal
// (the plain line console without one, or with --plain); `memquest --help` lists every command.
using System.CommandLine;
using MemQuest.App.Cli;
using MemQuest.App.Cli.Incidents;

namespace MemQuest.App;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0) return StartGame(plain: false, sixteenColors: false, content: null, saves: null);   // the game: no parser to build before the first frame
        RootCommand root = BuildRoot();
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) Console.Error.WriteLine($"memquest: {e.Message}");
            Console.Error.WriteLine("Try 'memquest --help'.");
            return 2;
        }
        return parse.Invoke();
    }

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("MemQuest: learn Linux memory management by fixing incidents on a simulated box");
        var content = new Option<string?>("--content") { Description = "content folder (default: $MEMQUEST_CONTENT, or a content/ folder here or above)", Recursive = true };
        var saves = new Option<string?>("--saves") { Description = "saves folder (default: $MEMQUEST_SAVES, or a saves/ folder here or above)", Recursive = true };
        root.Options.Add(content);
        root.Options.Add(saves);
        root.Subcommands.Add(LabCommand.Create());
        root.Subcommands.Add(BenchCommand.Create(content));
        root.Subcommands.Add(ListCommand.Create(content));
        root.Subcommands.Add(PlayCommand.Create(content));
        root.Subcommands.Add(SolveCommand.Create(content));
        root.Subcommands.Add(ReplayCommand.Create(content));
        root.Subcommands.Add(CheckContentCommand.Create(content));
        root.Subcommands.Add(EventCommand.Create(content, saves));
        root.Subcommands.Add(ProfileCommand.Create(saves));
        var plain = new Option<bool>("--plain") { Description = "no screens: the plain line console (also what runs when there is no terminal)" };
        var sixteen = new Option<bool>("--16-colors") { Description = "use the 16 ANSI colours instead of 24-bit colour" };
        root.Options.Add(plain);
        root.Options.Add(sixteen);
        root.SetAction(parse => StartGame(parse.GetValue(plain), parse.GetValue(sixteen), parse.GetValue(content), parse.GetValue(saves)));
        return root;
    }

    private static int StartGame(bool plain, bool sixteenColors, string? content, string? saves) =>
        new GameHost(new GameOptions(plain, sixteenColors, ContentLocator.ResolveFromProcess(content), Persistence.SavesLocator.ResolveFromProcess(saves))).Run();
}
