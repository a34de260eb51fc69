using System.CommandLine;
using MemQuest.App.Cli;

namespace MemQuest.App.Tests.Cli;

/// <summary>A root command like the game's (recursive --saves) with the profile command, run in-process on a temp folder.</summary>
internal sealed class ProfileCli : IDisposable
{
    public ProfileCli(string? stdin = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "memquest-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Context = new ProfileCommandContext(
            new FixedTime(), SavesEnvironmentValue: null, Root, Path.Combine(Root, "exe"), new StringReader(stdin ?? ""), InputIsInteractive: stdin is not null);
    }

    public string Root { get; }
    public string Saves => Path.Combine(Root, "saves");
    public ProfileCommandContext Context { get; set; }

    public (int Code, string Out, string Err) Run(params string[] args)
    {
        var saves = new Option<string?>("--saves") { Recursive = true };
        var root = new RootCommand("memquest test root");
        root.Options.Add(saves);
        root.Subcommands.Add(ProfileCommand.Create(saves, Context));
        var output = new StringWriter();
        var error = new StringWriter();
        var code = root.Parse(["--saves", Saves, .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 24, 20, 0, 0, TimeSpan.Zero);
    }
}
