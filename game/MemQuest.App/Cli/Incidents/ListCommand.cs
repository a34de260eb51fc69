// `memquest list`: the incidents in curriculum order with difficulty and topics.
using System.CommandLine;
using MemQuest.Scenarios.Content;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Workloads.Kernel;

namespace MemQuest.App.Cli.Incidents;

public static class ListCommand
{
    public static Command Create(Option<string?> contentOption)
    {
        var command = new Command("list", "list the incidents with their difficulty and topics");
        command.SetAction(parse => Run(ContentLocator.ResolveFromProcess(parse.GetValue(contentOption)), Console.Out, Console.Error));
        return command;
    }

    public static int Run(string contentRoot, TextWriter stdout, TextWriter stderr)
    {
        ContentCatalog? catalog = CliContent.Load(contentRoot, stderr, "list");
        if (catalog is null) return ExitCodes.Usage;
        stdout.Write("NO   ID                        LEVEL  TOPICS                              TITLE\n");
        foreach (var s in catalog.Scenarios)
        {
            string ready = Readiness.Missing(s, EngineKernel.Provided) is null ? "" : "  (needs engine work)";
            stdout.Write($"{s.Number:D3}  {s.Id,-25} {new string('*', s.Difficulty),-5}  {string.Join(", ", s.Topics),-35} {s.Title}{ready}\n");
        }
        return ExitCodes.Ok;
    }
}
