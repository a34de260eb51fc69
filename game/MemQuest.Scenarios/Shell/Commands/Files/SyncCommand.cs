// sync: write every dirty page to disk and wait (ksys_sync), so drop_caches can then drop them.
namespace MemQuest.Scenarios.Shell.Commands.Files;

public sealed class SyncCommand : IShellCommand
{
    public string Name => "sync";
    public string Synopsis => "sync                         write all dirty pages to disk";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        if (argv.Count > 1) return ShellResult.Usage("sync: this console syncs everything; it takes no arguments");
        context.Machine.Fs.Writeback.SyncAll();
        return ShellResult.Ok("");
    }
}
