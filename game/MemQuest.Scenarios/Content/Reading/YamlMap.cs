// A YAML mapping read field by field with positions: typed getters record an error (with line and
// column) for a missing or malformed value, and Finish() reports every key nobody asked for as
// unknown, listing the keys that are allowed there. Only Content/ knows YAML exists.
using MemQuest.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace MemQuest.Scenarios.Content.Reading;

internal sealed class YamlMap(YamlMappingNode node, string file, List<ContentError> errors, string where)
{
    private readonly List<string> _asked = [];

    public SourcePos Pos => PosOf(node);
    public string File => file;
    public List<ContentError> Errors => errors;

    public SourcePos PosOf(YamlNode n) => new(file, (int)n.Start.Line, (int)n.Start.Column);

    public void Error(YamlNode at, string message) => errors.Add(ContentError.At(PosOf(at), message));

    public YamlNode? Node(string key)
    {
        _asked.Add(key);
        return node.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? v) ? v : null;
    }

    public SourcePos PosOfKey(string key) =>
        node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key) is { } k ? PosOf(k) : Pos;

    public string? Str(string key, bool required = false, string example = "")
    {
        YamlNode? n = Node(key);
        if (n is null) { if (required) errors.Add(ContentError.At(Pos, $"{where} has no '{key}'; add it, e.g. {key}: {example}")); return null; }
        if (n is YamlScalarNode s) return s.Value ?? "";
        Error(n, $"'{key}' must be a single value, not a {Kind(n)}; e.g. {key}: {example}");
        return null;
    }

    public long? Long(string key, bool required = false, long min = long.MinValue, long max = long.MaxValue, string example = "1")
    {
        string? text = Str(key, required, example);
        if (text is null) return null;
        if (long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long v) && v >= min && v <= max) return v;
        Error(Node(key)!, $"'{key}' is '{text}', which is not a whole number from {min} to {max}; write e.g. {key}: {example}");
        return null;
    }

    public bool Flag(string key, bool dflt)
    {
        string? text = Str(key, example: "true");
        if (text is null) return dflt;
        if (text is "true" or "false") return text == "true";
        Error(Node(key)!, $"'{key}' must be true or false, not '{text}'");
        return dflt;
    }

    public YamlMap? Map(string key, bool required = false)
    {
        YamlNode? n = Node(key);
        if (n is YamlMappingNode m) return new YamlMap(m, file, errors, $"'{key}'");
        if (n is not null) Error(n, $"'{key}' must be a mapping (key: value lines), not a {Kind(n)}");
        else if (required) errors.Add(ContentError.At(Pos, $"{where} has no '{key}'; add it as a mapping"));
        return null;
    }

    public IEnumerable<YamlMap> MapList(string key, bool required = false)
    {
        YamlNode? n = Node(key);
        if (n is null) { if (required) errors.Add(ContentError.At(Pos, $"{where} has no '{key}'; add a list of entries")); yield break; }
        if (n is not YamlSequenceNode seq) { Error(n, $"'{key}' must be a list ('- ' entries), not a {Kind(n)}"); yield break; }
        foreach (YamlNode item in seq)
        {
            if (item is YamlMappingNode m) yield return new YamlMap(m, file, errors, $"an entry of '{key}'");
            else Error(item, $"each entry of '{key}' must be a mapping such as {{ key: value }}, not a {Kind(item)}");
        }
    }

    public List<(string Value, SourcePos Pos)> StrList(string key)
    {
        var list = new List<(string, SourcePos)>();
        YamlNode? n = Node(key);
        if (n is null) return list;
        if (n is not YamlSequenceNode seq) { Error(n, $"'{key}' must be a list such as [a, b]"); return list; }
        foreach (YamlNode item in seq)
            if (item is YamlScalarNode s) list.Add((s.Value ?? "", PosOf(s)));
            else Error(item, $"each entry of '{key}' must be a single value");
        return list;
    }

    /// <summary>A mapping of scalars to scalars, in file order.</summary>
    public List<(string Key, string Value, SourcePos Pos)> Pairs(string key)
    {
        var list = new List<(string, string, SourcePos)>();
        YamlNode? n = Node(key);
        if (n is null) return list;
        if (n is not YamlMappingNode m) { Error(n, $"'{key}' must be a mapping such as {{ name: value }}"); return list; }
        foreach (var (k, v) in m.Children)
            if (k is YamlScalarNode ks && v is YamlScalarNode vs) list.Add((ks.Value ?? "", vs.Value ?? "", PosOf(ks)));
            else Error(k, $"'{key}' entries must be single values (name: value)");
        return list;
    }

    /// <summary>Report every key that no getter asked for.</summary>
    public void Finish()
    {
        foreach (YamlNode k in node.Children.Keys)
        {
            string name = (k as YamlScalarNode)?.Value ?? "?";
            if (!_asked.Contains(name))
                Error(k, $"unknown key '{name}' in {where}; remove it or use one of: {string.Join(", ", _asked.Distinct())}");
        }
    }

    /// <summary>The entries of a single-key mapping such as `{ process-alive: postgres }`.</summary>
    public IEnumerable<(string Key, YamlNode Value, SourcePos Pos)> Entries() =>
        node.Children.Select(kv => ((kv.Key as YamlScalarNode)?.Value ?? "?", kv.Value, PosOf(kv.Key)));

    private static string Kind(YamlNode n) => n switch { YamlMappingNode => "mapping", YamlSequenceNode => "list", _ => "value" };
}
