// Reads a process entry (scenario `processes:` and machine `boot_services:`): name, workload,
// params, oom_score_adj and, for services, unit, config, environment and SLO.
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Model.Box;

namespace MemQuest.Scenarios.Content.Reading;

internal static class ProcessReader
{
    public static ProcessDefinition? Read(YamlMap m)
    {
        string? name = m.Str("name", required: true, example: "postgres");
        string? workload = m.Str("workload", required: true, example: "database");
        var prm = Dict(m.Pairs("params"));
        long adj = m.Long("oom_score_adj", min: -1000, max: 1000, example: "-500") ?? 0;
        string? unit = m.Str("unit", example: "postgresql");
        YamlMap? config = m.Map("config");
        var env = Dict(m.Pairs("environment"));
        long slo = m.Long("slo_p99_ms", min: 1, max: 600_000, example: "250") ?? 0;
        bool isProtected = m.Flag("protected", false);
        string? configPath = config?.Str("path", required: true, example: "/etc/postgresql/postgresql.conf");
        var settings = config is null ? [] : config.MapList("settings", required: true).Select(ReadSetting).OfType<ConfigSetting>().ToList();
        config?.Finish();
        m.Finish();
        if (name is null || workload is null) return null;
        if (unit is null && (config is not null || env.Count > 0 || slo > 0))
            m.Error(m.Node("unit") ?? m.Node("config") ?? m.Node("environment") ?? m.Node("slo_p99_ms")!, $"process '{name}' has service settings but no 'unit'; add unit: {name}");
        ServiceDefinition? service = unit is null ? null : new ServiceDefinition(unit, configPath, settings, env, slo, isProtected);
        return new ProcessDefinition(name, workload, prm, (short)adj, service, m.Pos);
    }

    private static ConfigSetting? ReadSetting(YamlMap s)
    {
        string? key = s.Str("key", required: true, example: "innodb_buffer_pool_size");
        string? param = s.Str("param", required: true, example: "buffer_pool_kb");
        string? value = s.Str("value", required: true, example: "3G");
        s.Finish();
        return key is null || param is null || value is null ? null : new ConfigSetting(key, param, value);
    }

    public static IReadOnlyDictionary<string, string> Dict(List<(string Key, string Value, SourcePos Pos)> pairs)
    {
        var d = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v, _) in pairs) d[k] = v;
        return d;
    }
}
