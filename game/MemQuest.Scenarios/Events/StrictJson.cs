// JSON options for untrusted event files: camelCase, no unknown or repeated members, no comments,
// bounded depth.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemQuest.Scenarios.Events;

internal static class StrictJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        AllowDuplicateProperties = false,
        MaxDepth = 16,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The document, or null with the reason.</summary>
    public static T? Parse<T>(string json, string what, out string? error) where T : class
    {
        try
        {
            T? d = JsonSerializer.Deserialize<T>(json, Options);
            error = d is null ? $"the {what} is empty or 'null'" : null;
            return d;
        }
        catch (JsonException e)
        {
            error = $"not a valid {what}: {e.Message}";
            return null;
        }
    }
}
