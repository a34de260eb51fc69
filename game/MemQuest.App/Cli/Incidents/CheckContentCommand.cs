// `memquest check-content [DIR]`: load a content root and print every problem as
// "file:line:col: what is wrong, what to do". Exit 0 when clean, 2 when not.
using System.CommandLine;
using MemQuest.Scenarios.Content;

namespace MemQuest.App.Cli.Incidents;

public static class CheckContentCommand
{
    public static Command Create(Option<string?> contentOption)
    {
        var dir = new Argument<string?>("DIR") { Description = "content root (the folder holding machines/, workloads/ and scenarios/); default: the located content folder", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("check-content", "check every content file and report problems with file:line:col");
        command.Arguments.Add(dir);
        command.SetAction(parse => Run(parse.GetValue(dir) is { } d ? Path.GetFullPath(d) : ContentLocator.ResolveFromProcess(parse.GetValue(contentOption)), Console.Out, Console.Error));
        return command;
    }

    public static int Run(string root, TextWriter stdout, TextWriter stderr)
    {
        if (!Directory.Exists(root))
        {
            stderr.Write($"memquest check-content: no folder '{root}'; pass the content root (the folder holding machines/, workloads/ and scenarios/)\n");
            return ExitCodes.Usage;
        }
        ContentLoadResult r = ContentLoader.Load(root);
        foreach (ContentError e in r.Errors) stdout.Write(e + "\n");
        ContentCatalog c = r.Catalog;
        stdout.Write($"{c.Machines.Count} machine(s), {c.Workloads.Count} workload(s), {c.Scenarios.Count} scenario(s): " +
                     (r.Ok ? $"OK (content digest {c.Digest})\n" : $"{r.Errors.Count} error(s)\n"));
        return r.Ok ? ExitCodes.Ok : ExitCodes.Usage;
    }
}
