// Runs `memquest lab`: each console line is echoed as "$ LINE" followed by exactly what the real
// command prints. A failing command stops the script with exit code 1 (unless --keep-going); an
// unknown command or a misused helper is the lab's own error: "memquest lab: line N: ..." on
// standard error and exit code 2. Blank lines and # comments are skipped. `exit [N]` (or `logout`,
// `quit`) ends the script as in a shell script: with N, or with the last command's status.
using MemQuest.Engine;
using MemQuest.Scenarios.Shell;

namespace MemQuest.App.Cli;

public sealed class LabRunner(TextWriter stdout, TextWriter stderr)
{
    public Shell Boot(LabOptions options)
    {
        var spec = new MachineSpec(options.MemBytes / 1024, options.Cpus, options.SwapBytes / 1024);
        return new Shell(Machine.Boot(spec, options.Seed), ShellMode.Lab);
    }

    /// <summary>Run a script; returns the process exit code.</summary>
    public int RunScript(Shell shell, TextReader script, bool keepGoing)
    {
        int lineNumber = 0, exit = 0;
        string? line;
        while ((line = script.ReadLine()) is not null)
        {
            lineNumber++;
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            stdout.Write("$ " + trimmed + "\n");
            if (TryParseExit(trimmed, out int? exitCode, out string? exitError))
            {
                if (exitError is null) return exitCode ?? exit;
                stdout.Flush();
                stderr.Write($"memquest lab: line {lineNumber}: {exitError}\n");
                return 2;
            }
            ShellResult r = shell.Run(trimmed);
            stdout.Write(r.Output);
            if (r.Status is ShellStatus.UnknownCommand or ShellStatus.Usage)
            {
                stdout.Flush();
                stderr.Write($"memquest lab: line {lineNumber}: {r.ErrorMessage}\n");
                return 2;
            }
            if (r.Status == ShellStatus.Failed)
            {
                exit = 1;
                if (!keepGoing) return 1;
            }
        }
        return exit;
    }

    /// <summary>Is this line `exit [N]`, `logout` or `quit`? A bad N gives bash's message and what to write instead.</summary>
    private static bool TryParseExit(string line, out int? code, out string? error)
    {
        code = null;
        error = null;
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words[0] is not ("exit" or "logout" or "quit")) return false;
        if (words.Length == 1) return true;
        if (words.Length > 2) { error = $"{words[0]}: too many arguments (write 'exit' or 'exit N' with N from 0 to 255)"; return true; }
        if (int.TryParse(words[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n <= 255)
            code = n;
        else
            error = $"{words[0]}: {words[1]}: numeric argument required (write 'exit N' with N from 0 to 255)";
        return true;
    }

    /// <summary>The interactive prompt: same console, errors shown inline, never exits on a failure.</summary>
    public int RunInteractive(Shell shell, TextReader input)
    {
        stdout.Write("memquest lab: a simulated Linux box. Type 'help' for commands, 'exit' to leave.\n");
        while (true)
        {
            stdout.Write("lab# ");
            stdout.Flush();
            string? line = input.ReadLine();
            if (line is null || line.Trim() is "exit" or "quit" or "logout") return 0;
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            ShellResult r = shell.Run(line.Trim());
            stdout.Write(r.Output);
            if (r.ErrorMessage is not null) stdout.Write(r.ErrorMessage + "\n");
        }
    }
}
