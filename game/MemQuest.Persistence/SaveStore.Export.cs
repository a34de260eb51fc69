using MemQuest.Persistence.Documents;
using MemQuest.Persistence.Export;

namespace MemQuest.Persistence;

/// <summary>SaveStore: a whole profile out to, and in from, the portable export file.</summary>
public sealed partial class SaveStore
{
    /// <summary>The profile as a portable file; when it has more runs than an export may hold, the oldest are left out.</summary>
    public ProfileExportFile ExportProfile(int profileId)
    {
        var profile = GetProfile(profileId);
        return ProfileExport.FitToLimits(ExportMapping.ToFile(profile, ListProgress(profileId), ListRuns(profileId), Now()));
    }

    /// <summary>
    /// Adds the exported profile as a new profile (named <paramref name="asName"/> if given), in one
    /// transaction: on any failure nothing is written. The file must come from
    /// <see cref="ProfileExport.ReadFile"/> or <see cref="ProfileExport.Parse"/> (already validated).
    /// </summary>
    public ProfileDocument ImportProfile(ProfileExportFile file, string? asName = null)
    {
        EnsureWritable();
        var name = asName ?? file.Profile.Name;
        if (ProfileName.Problem(name) is { } problem)
            throw new SaveException(problem);
        if (FindProfile(name) is not null)
            throw new SaveException(
                $"A profile named '{name}' already exists. Import it under another name with --as NAME, or reset the existing one. Your saves were not changed.");
        var profile = ExportMapping.ToProfile(file.Profile, name);
        InTransaction(() =>
        {
            var id = Profiles.Insert(profile).AsInt32;
            profile = profile with { Id = id };
            Progress.InsertBulk(file.Progress.Select(p => ExportMapping.ToProgress(p, id)));
            Runs.InsertBulk(file.Runs.Select(r => ExportMapping.ToRun(r, id)));
        });
        return profile;
    }
}
