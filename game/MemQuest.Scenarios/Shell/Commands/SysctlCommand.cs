// sysctl [-n] [-q] [-a] [-w] vm.KEY[=VALUE]...: procps-ng's sysctl over /proc/sys/vm, with its
// messages for unknown keys, refused values and bad syntax.
using MemQuest.Engine.Sysctl;
using MemQuest.Scenarios.Shell.Files;

namespace MemQuest.Scenarios.Shell.Commands;

public sealed class SysctlCommand : IShellCommand
{
    public string Name => "sysctl";
    public string Synopsis => "sysctl [-n] vm.KEY | sysctl -w vm.KEY=VALUE | sysctl -a   read or set kernel knobs";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        bool valuesOnly = false, quiet = false, all = false, write = false;
        var keys = new List<string>();
        foreach (string a in argv.Skip(1))
        {
            if (a is "-n" or "--values") valuesOnly = true;
            else if (a is "-q" or "--quiet") quiet = true;
            else if (a is "-a" or "-A" or "-X" or "--all") all = true;
            else if (a is "-w" or "--write") write = true;
            else if (a.StartsWith('-')) return ShellResult.Fail($"sysctl: invalid option -- '{a.TrimStart('-')}'\nTry `sysctl --help' for more information.\n");
            else keys.Add(a);
        }
        if (all) keys.AddRange(SysctlCatalog.All.Where(d => !d.WriteOnly).Select(d => d.Key));
        if (keys.Count == 0) return ShellResult.Fail("sysctl: no variables specified\nTry `sysctl --help' for more information.\n");
        var stdout = new System.Text.StringBuilder();
        var stderr = new System.Text.StringBuilder();
        foreach (string item in keys)
        {
            int eq = item.IndexOf('=');
            if (write && eq < 0) { stderr.Append("sysctl: command line(0): invalid syntax, continuing...\n"); continue; }
            string key = (eq < 0 ? item : item[..eq]).Replace('/', '.');
            string path = "/proc/sys/" + key.Replace('.', '/');
            VirtualFile? file = context.Files.Find(path);
            if (file is null || !path.StartsWith(SysctlFiles.Prefix, StringComparison.Ordinal))
            {
                stderr.Append($"sysctl: cannot stat {path}: {ErrnoText.Of(Errno.ENOENT)}\n");
                continue;
            }
            if (eq >= 0) SetKey(file, key, item[(eq + 1)..], valuesOnly, quiet, stdout, stderr);
            else if (file.Read is not null) stdout.Append(valuesOnly ? file.Read() : $"{key} = {file.Read()}");
        }
        return stderr.Length == 0 ? ShellResult.Ok(stdout.ToString()) : ShellResult.Fail(stderr.ToString(), 1, stdout.ToString());
    }

    private static void SetKey(VirtualFile file, string key, string value, bool valuesOnly, bool quiet,
        System.Text.StringBuilder stdout, System.Text.StringBuilder stderr)
    {
        Errno e = file.Write!(value);
        if (e != Errno.Ok) { stderr.Append($"sysctl: setting key \"{key}\": {ErrnoText.Of(e)}\n"); return; }
        if (!quiet) stdout.Append(valuesOnly ? value + "\n" : $"{key} = {value}\n");
    }
}
