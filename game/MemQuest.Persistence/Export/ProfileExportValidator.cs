using MemQuest.Persistence.Documents;

namespace MemQuest.Persistence.Export;

/// <summary>Checks an imported file's content: bounds, ranges and ids. Returns the first problem, with where it is.</summary>
internal static class ProfileExportValidator
{
    private const int PointsLimit = 1_000_000;

    public static string? Problem(ProfileExportFile file)
    {
        if (file.Format != ProfileExportFile.FormatName)
            return $"\"format\" must be \"{ProfileExportFile.FormatName}\"; this is not a MemQuest profile export.";
        if (file.FormatVersion != ProfileExportFile.CurrentFormatVersion)
            return $"\"formatVersion\" is {file.FormatVersion}, but this MemQuest reads version {ProfileExportFile.CurrentFormatVersion} only.";
        return ProfileProblem(file.Profile)
            ?? Count("progress", file.Progress.Count, SaveLimits.ProgressPerProfileMax)
            ?? Count("runs", file.Runs.Count, SaveLimits.RunsPerProfileMax)
            ?? FirstProblem(file.Progress, (p, i) => ProgressProblem(p, $"progress[{i}]"))
            ?? DuplicateIncident(file.Progress)
            ?? FirstProblem(file.Runs, (r, i) => RunProblem(r, $"runs[{i}]"));
    }

    private static string? ProfileProblem(ExportedProfile p) =>
        (ProfileName.Problem(p.Name) is { } name ? $"profile.name: {name}" : null)
        ?? Count("profile.settings", p.Settings.Count, SaveLimits.SettingsMaxCount)
        ?? p.Settings.Select(kv => Text($"profile.settings[\"{kv.Key}\"]", kv.Key, SaveLimits.IdMaxChars, allowEmpty: false)
            ?? Text($"profile.settings[\"{kv.Key}\"]", kv.Value, SaveLimits.SettingValueMaxChars, allowEmpty: true)).FirstOrDefault(x => x is not null);

    private static string? ProgressProblem(ExportedProgress p, string at) =>
        Id($"{at}.incidentId", p.IncidentId)
        ?? Range($"{at}.stars", p.Stars, 0, SaveLimits.StarsMax)
        ?? Range($"{at}.bestScore", p.BestScore, 0, PointsLimit)
        ?? Count($"{at}.hintsBought", p.HintsBought.Count, SaveLimits.HintsPerIncidentMax)
        ?? FirstProblem(p.HintsBought, (h, i) => Id($"{at}.hintsBought[{i}]", h));

    private static string? RunProblem(ExportedRun r, string at) =>
        Id($"{at}.incidentId", r.IncidentId)
        ?? (Enum.IsDefined(r.Outcome) ? null : $"{at}.outcome must be \"Won\" or \"Lost\".")
        ?? Text($"{at}.finalStateDigest", r.FinalStateDigest, SaveLimits.DigestMaxChars, allowEmpty: true)
        ?? Id($"{at}.log.scenarioId", r.Log.ScenarioId)
        ?? Text($"{at}.log.contentDigest", r.Log.ContentDigest, SaveLimits.DigestMaxChars, allowEmpty: true)
        ?? Range($"{at}.log.engineVersion", r.Log.EngineVersion, 0, int.MaxValue)
        ?? Range($"{at}.log.endTick", r.Log.EndTick, 0, long.MaxValue)
        ?? Count($"{at}.log.commands", r.Log.Commands.Count, SaveLimits.CommandsPerRunMax)
        ?? FirstProblem(r.Log.Commands, (c, i) => Range($"{at}.log.commands[{i}].tick", c.Tick, 0, r.Log.EndTick)
            ?? Text($"{at}.log.commands[{i}].line", c.Line, SaveLimits.CommandLineMaxChars, allowEmpty: false))
        ?? Range($"{at}.score.total", r.Score.Total, 0, PointsLimit)
        ?? Range($"{at}.score.stars", r.Score.Stars, 0, SaveLimits.StarsMax)
        ?? Count($"{at}.score.metrics", r.Score.Metrics.Count, SaveLimits.MetricsPerCardMax)
        ?? FirstProblem(r.Score.Metrics, (m, i) => Text($"{at}.score.metrics[{i}].name", m.Name, SaveLimits.IdMaxChars, allowEmpty: false)
            ?? Range($"{at}.score.metrics[{i}].points", m.Points, -PointsLimit, PointsLimit)
            ?? Range($"{at}.score.metrics[{i}].maxPoints", m.MaxPoints, 0, PointsLimit));

    private static string? DuplicateIncident(IReadOnlyList<ExportedProgress> progress) =>
        progress.GroupBy(p => p.IncidentId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } dup
            ? $"progress lists incident \"{dup.Key}\" more than once."
            : null;

    private static string? FirstProblem<T>(IReadOnlyList<T> items, Func<T, int, string?> check)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (check(items[i], i) is { } problem)
                return problem;
        }
        return null;
    }

    private static string? Count(string at, int count, int max) =>
        count > max ? $"{at} has {count} entries; at most {max} are allowed." : null;

    private static string? Range(string at, long value, long min, long max) =>
        value < min || value > max ? $"{at} is {value}; it must be between {min} and {max}." : null;

    private static string? Id(string at, string id)
    {
        if (id.Length is 0 or > SaveLimits.IdMaxChars)
            return $"{at} must have 1 to {SaveLimits.IdMaxChars} characters.";
        return id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.')
            ? null
            : $"{at} (\"{Shorten(id)}\") may use only a-z, 0-9, '-', '_' and '.'.";
    }

    private static string? Text(string at, string text, int maxChars, bool allowEmpty)
    {
        if (text.Length > maxChars)
            return $"{at} is {text.Length} characters long; at most {maxChars} are allowed.";
        if (!allowEmpty && text.Length == 0)
            return $"{at} is empty.";
        return text.Any(char.IsControl) ? $"{at} contains control characters." : null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
