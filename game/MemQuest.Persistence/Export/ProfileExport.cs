using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemQuest.Persistence.Export;

/// <summary>
/// Reads and writes <see cref="ProfileExportFile"/> as JSON. Reading is strict and bounded: at most
/// <see cref="SaveLimits.ExportFileMaxBytes"/>, no unknown, missing, duplicate or null fields, and
/// every value checked by <see cref="ProfileExportValidator"/>. Failures throw a
/// <see cref="SaveException"/> that names the problem; nothing is written to the save.
/// </summary>
public static class ProfileExport
{
    private const int MaxDepth = 16;

    public static string ToJson(ProfileExportFile file) => JsonSerializer.Serialize(file, Options());

    /// <summary>
    /// Leaves out the oldest runs until the file is within <see cref="SaveLimits.RunsPerProfileMax"/>
    /// runs and <see cref="SaveLimits.ExportFileMaxBytes"/> bytes, so every export can be imported
    /// again. Progress (solved, stars, best score, hints) is always kept whole.
    /// </summary>
    public static ProfileExportFile FitToLimits(ProfileExportFile file)
    {
        var runs = file.Runs.Count > SaveLimits.RunsPerProfileMax ? file.Runs.Skip(file.Runs.Count - SaveLimits.RunsPerProfileMax).ToList() : file.Runs;
        var fitted = file with { Runs = runs };
        while (fitted.Runs.Count > 0 && System.Text.Encoding.UTF8.GetByteCount(ToJson(fitted)) > SaveLimits.ExportFileMaxBytes)
            fitted = fitted with { Runs = fitted.Runs.Skip(Math.Max(1, fitted.Runs.Count / 10)).ToList() };
        return fitted;
    }

    /// <summary>Writes the file to a temporary name and renames it; refuses to replace an existing file.</summary>
    public static void WriteFile(ProfileExportFile file, string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
            throw new SaveException($"{full} already exists. Choose another file name, or delete it first.");
        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            File.WriteAllText(temp, ToJson(file));
            File.Move(temp, full, overwrite: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new SaveException($"Cannot write {full}: {ex.Message}", ex);
        }
    }

    public static ProfileExportFile ReadFile(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > SaveLimits.ExportFileMaxBytes)
                throw Refused(full, $"it is {stream.Length:N0} bytes; a profile export is at most {SaveLimits.ExportFileMaxBytes:N0} bytes");
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return Parse(bytes, full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Refused(full, ex.Message, ex);
        }
    }

    /// <summary>Parses and validates; <paramref name="source"/> names the input in messages.</summary>
    public static ProfileExportFile Parse(ReadOnlySpan<byte> utf8Json, string source)
    {
        if (utf8Json.Length > SaveLimits.ExportFileMaxBytes)
            throw Refused(source, $"it is larger than {SaveLimits.ExportFileMaxBytes:N0} bytes");
        ProfileExportFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ProfileExportFile>(utf8Json, Options());
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 0 } p ? $" at {p}" : "";
            throw Refused(source, $"it is not a valid profile export{where}: {FirstSentence(ex.Message)}", ex);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException)
        {
            throw Refused(source, $"it is not a valid profile export: {FirstSentence(ex.Message)}", ex);
        }
        if (file is null)
            throw Refused(source, "it contains null instead of a profile export");
        if (ProfileExportValidator.Problem(file) is { } problem)
            throw Refused(source, problem.TrimEnd('.'));
        return file;
    }

    private static SaveException Refused(string source, string why, Exception? inner = null)
    {
        var message = $"Cannot import {source}: {why}. Your saves were not changed.";
        return inner is null ? new SaveException(message) : new SaveException(message, inner);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        var sentence = cut < 0 ? message : message[..cut];
        return sentence.Replace(typeof(ProfileExportFile).Namespace + ".", "", StringComparison.Ordinal).TrimEnd('.');
    }

    private static JsonSerializerOptions Options() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        MaxDepth = MaxDepth,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        AllowDuplicateProperties = false,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };
}
