// Service config files as the console shows them (cat /etc/...): one "key = value" line per setting.
using System.Text;
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Play.Incident;

namespace MemQuest.Scenarios.Shell.Commands.Game;

public static class ConfigFiles
{
    /// <summary>Register every service's config file with the console.</summary>
    public static void Register(VirtualFiles files, IncidentState incident)
    {
        foreach (WorkloadProcess p in incident.Services.Services.Where(p => p.Definition.Service!.ConfigPath is not null))
            files.Add(p.Definition.Service!.ConfigPath!, VirtualFile.ReadOnly(() => Render(p)));
    }

    public static string Render(WorkloadProcess p)
    {
        var sb = new StringBuilder($"# {p.Definition.Service!.ConfigPath}: {p.Unit} settings (change with: edit FILE KEY VALUE)\n");
        foreach (var c in p.Config) sb.Append($"{c.Key} = {c.Value}\n");
        return sb.ToString();
    }

    public static WorkloadProcess? Owner(IncidentState incident, string path) =>
        incident.Services.Services.FirstOrDefault(p => p.Definition.Service!.ConfigPath == VirtualFiles.Normalize(path));
}
