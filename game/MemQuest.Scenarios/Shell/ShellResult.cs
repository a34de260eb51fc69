// What one console line produced: what the real tools print on stdout and stderr, its status and
// exit code, and for the console's own errors (unknown command, helper misuse) the message to show.
namespace MemQuest.Scenarios.Shell;

public sealed record ShellResult(string Stdout, string Stderr, ShellStatus Status, int ExitCode, string? ErrorMessage = null)
{
    /// <summary>Stdout then stderr, as a terminal shows a single command's output.</summary>
    public string Output => Stdout + Stderr;

    public bool Succeeded => Status == ShellStatus.Ok;

    public static ShellResult Ok(string stdout) => new(stdout, "", ShellStatus.Ok, 0);

    /// <summary>A tool failure: what it printed on stderr (each line ending in '\n') and its exit code.</summary>
    public static ShellResult Fail(string stderr, int exitCode = 1, string stdout = "") => new(stdout, stderr, ShellStatus.Failed, exitCode);

    public static ShellResult Unknown(string message) => new("", "", ShellStatus.UnknownCommand, 127, message);

    public static ShellResult Usage(string message) => new("", "", ShellStatus.Usage, 2, message);
}
