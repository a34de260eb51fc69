using LiteDB;
using MemQuest.Persistence.Documents;

namespace MemQuest.Persistence;

/// <summary>SaveStore: profiles and their settings.</summary>
public sealed partial class SaveStore
{
    private ILiteCollection<ProfileDocument> Profiles => _db.GetCollection<ProfileDocument>(ProfilesCollection);

    public IReadOnlyList<ProfileDocument> ListProfiles() => Profiles.FindAll().OrderBy(p => p.Id).ToList();

    public ProfileDocument? FindProfile(string name) =>
        Profiles.FindOne(Query.EQ("NameKey", ProfileName.KeyOf(name)));

    /// <summary>The named profile; with no name, the only profile. Throws a player-facing <see cref="SaveException"/> otherwise.</summary>
    public ProfileDocument ResolveProfile(string? name)
    {
        if (name is not null)
            return FindProfile(name) ?? throw new SaveException($"There is no profile named '{name}'. See them with: memquest profile list");
        var all = ListProfiles();
        return all.Count switch
        {
            1 => all[0],
            0 => throw new SaveException("There is no profile yet. Create one with: memquest profile create NAME"),
            _ => throw new SaveException(
                $"There are {all.Count} profiles ({string.Join(", ", all.Select(p => p.Name))}); say which with --profile NAME."),
        };
    }

    public ProfileDocument CreateProfile(string name)
    {
        EnsureWritable();
        if (ProfileName.Problem(name) is { } problem)
            throw new SaveException(problem);
        if (FindProfile(name) is not null)
            throw new SaveException($"A profile named '{name}' already exists. Pick another name.");
        var profile = new ProfileDocument { Name = name, NameKey = ProfileName.KeyOf(name), CreatedUtc = Now() };
        var id = 0;
        InTransaction(() => id = Profiles.Insert(profile).AsInt32);
        return profile with { Id = id };
    }

    /// <summary>Sets (or with a null value removes) one setting; saved at once.</summary>
    public ProfileDocument SaveSetting(int profileId, string key, string? value)
    {
        EnsureWritable();
        if (key.Length is 0 or > SaveLimits.IdMaxChars || value?.Length > SaveLimits.SettingValueMaxChars)
            throw new SaveException($"The setting '{key}' is too long or empty.");
        var profile = GetProfile(profileId);
        var settings = new Dictionary<string, string>(profile.Settings, StringComparer.Ordinal);
        if (value is null)
            settings.Remove(key);
        else
            settings[key] = value;
        if (settings.Count > SaveLimits.SettingsMaxCount)
            throw new SaveException($"A profile keeps at most {SaveLimits.SettingsMaxCount} settings.");
        var updated = profile with { Settings = settings };
        InTransaction(() => Profiles.Update(updated));
        return updated;
    }

    /// <summary>Deletes a profile with all its progress, runs, unfinished runs and joined events, in one transaction.</summary>
    public void DeleteProfile(int profileId)
    {
        EnsureWritable();
        InTransaction(() =>
        {
            DeleteProgressOf(profileId, incidentId: null);
            Events.DeleteMany(Query.EQ("ProfileId", profileId));
            Profiles.Delete(profileId);
        });
    }

    private ProfileDocument GetProfile(int profileId) =>
        Profiles.FindById(profileId) ?? throw new SaveException($"Profile #{profileId} no longer exists.");

    private DateTime Now()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }

    private void EnsureWritable()
    {
        if (IsReadOnly)
            throw new SaveException("This MemQuest is read-only because another instance holds the saves; nothing here is saved.");
    }

    /// <summary>
    /// Runs <paramref name="write"/> as one transaction, then checkpoints. LiteDB 5 hands committed
    /// log pages to a background writer thread, so a process killed just after Commit returned
    /// lost those writes in the crash test; the checkpoint waits for that queue and copies the
    /// log into the data file, so a write is on disk (in the OS cache) when this returns.
    /// </summary>
    private void InTransaction(Action write)
    {
        if (!_db.BeginTrans())
            throw new InvalidOperationException("A save transaction is already open on this thread.");
        try
        {
            write();
            _db.Commit();
        }
        catch
        {
            _db.Rollback();
            throw;
        }
        _db.Checkpoint();
    }
}
