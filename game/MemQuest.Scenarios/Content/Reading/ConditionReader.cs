// Reads a `check:` mapping with exactly one key: `{ process-alive: postgres }` (scalar form) or
// `{ sysctl: { name: vm.overcommit_memory, equals: 1 } }` (map form).
using MemQuest.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace MemQuest.Scenarios.Content.Reading;

internal static class ConditionReader
{
    public static ConditionSpec? Read(YamlMap owner)
    {
        YamlMap? check = owner.Map("check", required: true);
        if (check is null) return null;
        var entries = check.Entries().ToList();
        if (entries.Count != 1)
        {
            owner.Errors.Add(ContentError.At(check.Pos, $"'check' must have exactly one condition, found {entries.Count}; write e.g. check: {{ process-alive: postgres }}"));
            return null;
        }
        var (key, value, pos) = entries[0];
        if (value is YamlScalarNode s) return new ConditionSpec(key, s.Value ?? "", new Dictionary<string, string>(), pos);
        if (value is YamlMappingNode m)
        {
            var args = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (k, v) in m.Children)
                if (k is YamlScalarNode ks && v is YamlScalarNode vs) args[ks.Value ?? ""] = vs.Value ?? "";
                else owner.Error(k, $"the arguments of '{key}' must be single values (name: value)");
            return new ConditionSpec(key, null, args, pos);
        }
        owner.Error(value, $"'{key}' takes a value or a mapping of arguments, not a list");
        return null;
    }
}
