// Reads content/machines/ID.yaml into a MachineDefinition.
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Sysctl;
using MemQuest.Scenarios.Workloads;
using MemQuest.Scenarios.Model.Box;

namespace MemQuest.Scenarios.Content.Reading;

internal static class MachineReader
{
    public static MachineDefinition? Read(YamlMap m, string id)
    {
        CheckId(m, id);
        string description = m.Str("description", example: "4 GiB web box") ?? "";
        long? memKb = Size(m, "mem_total", required: true, "4G");
        long cpus = m.Long("cpus", min: 1, max: 1024, example: "2") ?? 2;
        long swapKb = Size(m, "swap", required: false, "2G") ?? 0;
        string thp = m.Str("thp", example: "madvise") ?? "madvise";
        if (thp is not ("always" or "madvise" or "never")) m.Error(m.Node("thp")!, $"thp '{thp}' must be always, madvise or never");
        var sysctls = new List<KeyValuePair<string, string>>();
        foreach (var (k, v, pos) in m.Pairs("sysctls"))
        {
            string name = k.StartsWith("vm.", StringComparison.Ordinal) ? k[3..] : k;
            if (SysctlCatalog.Find(name) is null) m.Errors.Add(ContentError.At(pos, $"unknown sysctl '{k}'; use a vm.* knob such as vm.overcommit_memory"));
            else sysctls.Add(new(name, v));
        }
        var boot = m.MapList("boot_services").Select(ProcessReader.Read).OfType<ProcessDefinition>().ToList();
        m.Finish();
        if (memKb is null) return null;
        if (memKb < ZoneLayout.MinMemTotalKb || memKb > ZoneLayout.MaxMemTotalKb)
        {
            m.Error(m.Node("mem_total")!, $"mem_total must be between {ZoneLayout.MinMemTotalKb / 1024}M and {ZoneLayout.MaxMemTotalKb >> 20}G");
            return null;
        }
        return new MachineDefinition(id, description, memKb.Value, (int)cpus, swapKb, thp, sysctls, boot, m.Pos);
    }

    private static long? Size(YamlMap m, string key, bool required, string example)
    {
        string? text = m.Str(key, required, example);
        if (text is null) return null;
        if (SizeText.TryParseKb(text, out long kb) && kb % 4 == 0) return kb;
        m.Error(m.Node(key)!, $"'{key}' is '{text}', which is not a whole number of 4 KiB pages; write e.g. {key}: {example}");
        return null;
    }

    public static void CheckId(YamlMap m, string id)
    {
        string? written = m.Str("id", example: id);
        if (written is not null && written != id)
            m.Error(m.Node("id")!, $"id '{written}' does not match the file name '{id}'; rename the file or fix the id");
    }
}
