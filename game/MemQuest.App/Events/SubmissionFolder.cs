// Reads every file in a submissions folder (not its subfolders; links are refused) in ordinal name
// order, rejects bad files by name with the reason, checks each ticket against the event, and
// keeps the latest submission per player (by submittedUtc, then file name).
using MemQuest.Scenarios.Events;

namespace MemQuest.App.Events;

public static class SubmissionFolder
{
    public static IReadOnlyList<LoadedSubmission> Load(string folder, EventDefinition e, EventSecret secret, List<Rejection> rejections)
    {
        var accepted = new List<LoadedSubmission>();
        foreach (string path in Directory.EnumerateFiles(folder, "*", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(path);
            string? text = BoundedFile.ReadText(path, SubmissionFile.MaxBytes, out string? error);
            Submission? s = text is null ? null : SubmissionFile.Read(text, out error);
            error ??= s is null ? "could not be read" : RunJudge.CheckSubmission(secret, e, s);
            if (error is not null) { rejections.Add(new Rejection(name, error)); continue; }
            accepted.Add(new LoadedSubmission(name, s!));
        }
        return Latest(accepted, rejections);
    }

    private static List<LoadedSubmission> Latest(List<LoadedSubmission> all, List<Rejection> rejections)
    {
        var kept = new List<LoadedSubmission>();
        foreach (var group in all.GroupBy(l => l.Submission.Player).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = group.OrderByDescending(l => l.Submission.SubmittedUtc).ThenByDescending(l => l.File, StringComparer.Ordinal).ToList();
            kept.Add(ordered[0]);
            foreach (var older in ordered.Skip(1))
                rejections.Add(new Rejection(older.File, $"superseded by {ordered[0].File}, a later submission from {group.Key}"));
        }
        return kept.OrderBy(l => l.File, StringComparer.Ordinal).ToList();
    }
}
