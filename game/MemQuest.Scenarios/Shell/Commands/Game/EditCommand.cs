// edit FILE KEY VALUE: change one setting of a service's config file and show the diff. As in life,
// the running service keeps its old settings until it is restarted.
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Workloads;
using MemQuest.Scenarios.Model.Box;
using MemQuest.Scenarios.Play.Incident;

namespace MemQuest.Scenarios.Shell.Commands.Game;

public sealed class EditCommand : IShellCommand
{
    private const string UsageText = "usage: edit FILE KEY VALUE   (e.g. edit /etc/mysql/my.cnf innodb_buffer_pool_size 2G)";

    public string Name => "edit";
    public string Synopsis => "edit FILE KEY VALUE         change a service config setting (applies on restart)";
    public bool LabOnly => false;
    public bool GameOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        IncidentState? incident = IncidentConsole.Get(context, Name, out ShellResult? error);
        if (incident is null) return error!;
        if (argv.Count != 4) return ShellResult.Usage($"edit: expected a file, a key and a value ({UsageText})");
        WorkloadProcess? p = ConfigFiles.Owner(incident, argv[1]);
        if (p is null)
        {
            var known = incident.Services.Services.Select(s => s.Definition.Service!.ConfigPath).OfType<string>();
            return ShellResult.Fail($"edit: {argv[1]}: not a service config file here; try one of: {string.Join(", ", known)}\n");
        }
        int index = p.Config.FindIndex(c => c.Key == argv[2]);
        if (index < 0) return ShellResult.Fail($"edit: {argv[1]} has no setting '{argv[2]}'; it has: {string.Join(", ", p.Config.Select(c => c.Key))}\n");
        ConfigSetting old = p.Config[index];
        if (p.Kind.Find(old.Param)?.Check(argv[3]) is { } why) return ShellResult.Fail($"edit: {argv[2]}: {why}\n");
        p.Config[index] = old with { Value = argv[3] };
        string path = p.Definition.Service!.ConfigPath!;
        string diff = $"--- a{path}\n+++ b{path}\n@@ -{index + 2} +{index + 2} @@\n-{old.Key} = {old.Value}\n+{old.Key} = {argv[3]}\n";
        string note = p.Running ? $"{p.Unit} still runs with the old value; it takes effect on 'systemctl restart {p.Unit}'.\n" : "";
        return ShellResult.Ok(diff + note);
    }
}
