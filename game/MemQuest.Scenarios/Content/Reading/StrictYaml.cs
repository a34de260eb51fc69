// Deserialises a small YAML document into a typed object with snake_case keys, refusing unknown
// keys (the event file's reader; YamlDotNet stays inside Content/ as architecture §3 asks).
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace MemQuest.Scenarios.Content.Reading;

internal static class StrictYaml
{
    /// <summary>The object (null for an empty document), or null with the reason and line in <paramref name="error"/>.</summary>
    public static T? Deserialize<T>(string yaml, string hint, out string? error) where T : class
    {
        error = null;
        try
        {
            return new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<T?>(yaml);
        }
        catch (YamlException e)
        {
            error = $"line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}; {hint}";
            return null;
        }
    }
}
