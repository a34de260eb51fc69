// The game's save (issue #10 wired into the screens). At start it takes the one-writer lock and
// holds it for the process lifetime, then opens the save through SaveStore. A second instance gets
// a read-only snapshot (nothing is written, and the title screen says so); a damaged or foreign
// file has already been copied aside by SaveStore and waits for Rebuild or StartFresh. Tracks the
// current profile. Every write goes through Write(), which turns a failure into Problem (a line
// for the screen) instead of a crash; with no writable save, writes are skipped.
using MemQuest.Persistence;
using MemQuest.Persistence.Documents;
using MemQuest.Persistence.Export;

namespace MemQuest.App.Saves;

public sealed class GameSaves : IDisposable
{
    /// <summary>Profile setting: when the profile was last chosen (ISO 8601); the newest is chosen at start.</summary>
    public const string SelectedSetting = "selected-utc";
    /// <summary>Profile setting: "16" for the 16-colour mode, "24" for 24-bit colour.</summary>
    public const string ColoursSetting = "colours";
    private const string SkipPrefix = "skip.";

    private readonly TimeProvider _clock;
    private SaveLock? _lock;
    private SaveStore? _store;

    private GameSaves(string directory, TimeProvider clock)
    {
        Directory = directory;
        _clock = clock;
    }

    public string Directory { get; }
    public SaveOpenStatus Status { get; private set; }
    /// <summary>What the player should read on the title screen about the save ("" when all is well).</summary>
    public string Message { get; private set; } = "";
    /// <summary>The last write that failed, for the screen; null when none failed.</summary>
    public string? Problem { get; private set; }
    public ProfileDocument? Profile { get; private set; }

    public bool IsOpen => _store is not null;
    public bool IsReadOnly => _store?.IsReadOnly ?? false;
    public bool CanWrite => _store is { IsReadOnly: false };
    /// <summary>The file was damaged or foreign (copied aside): offer Rebuild or StartFresh.</summary>
    public bool NeedsRepair => Status is SaveOpenStatus.Damaged or SaveOpenStatus.RecoveryFailed;
    /// <summary>First run: a writable save with no profile yet.</summary>
    public bool NeedsProfile => CanWrite && _store!.ListProfiles().Count == 0;

    /// <summary>Opens the save in <paramref name="directory"/>; never throws for a bad folder or file (Message says what happened).</summary>
    public static GameSaves Open(string directory, TimeProvider clock)
    {
        var saves = new GameSaves(directory, clock);
        try
        {
            saves._lock = SaveLock.TryAcquire(directory);
            SaveOpenResult opened = saves._lock is not null ? SaveStore.Open(saves._lock, clock) : SaveStore.OpenReadOnlySnapshot(directory, clock);
            if (saves._lock is null && opened.Status == SaveOpenStatus.Locked)
                opened = opened with { Message = SaveMessages.Locked(directory) + " This MemQuest runs without saves: nothing you do here is kept." };
            saves.Take(opened);
        }
        catch (SaveException e)
        {
            saves.Status = SaveOpenStatus.Locked;
            saves.Message = e.Message + " This MemQuest runs without saves: nothing you do here is kept.";
        }
        return saves;
    }

    /// <summary>After a damaged file: let LiteDB rebuild it (the copy aside stays). Returns what happened.</summary>
    public string Rebuild() => Recover(lk => SaveStore.Rebuild(lk, _clock));

    /// <summary>After a damaged file: move it aside and start an empty save. Returns what happened.</summary>
    public string StartFresh() => Recover(lk => SaveStore.StartFresh(lk, _clock));

    private string Recover(Func<SaveLock, SaveOpenResult> how)
    {
        if (_lock is null || !NeedsRepair) return "There is nothing to repair.";
        SaveOpenResult result;
        try { result = how(_lock); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SaveException) { result = new SaveOpenResult(SaveOpenStatus.RecoveryFailed, null, SaveMessages.CannotRebuild(e.Message)); }
        Take(result);
        if (result.Status == SaveOpenStatus.RecoveryFailed) Message = result.Message;
        return result.Message;
    }

    private void Take(SaveOpenResult opened)
    {
        Status = opened.Status;
        Message = opened.Message;
        _store = opened.Store;
        Profile = _store is null ? null : PickProfile(_store.ListProfiles());
    }

    private static ProfileDocument? PickProfile(IReadOnlyList<ProfileDocument> profiles) =>
        profiles.OrderByDescending(p => p.Settings.GetValueOrDefault(SelectedSetting, ""), StringComparer.Ordinal).ThenBy(p => p.Id).FirstOrDefault();

    // ---- profiles ----

    public IReadOnlyList<ProfileDocument> Profiles => _store?.ListProfiles() ?? [];

    /// <summary>Creates a profile and makes it current; null on success, else why not (in player words).</summary>
    public string? CreateProfile(string name)
    {
        if (!CanWrite) return WhyNoWrites;
        try
        {
            Profile = _store!.CreateProfile(name.Trim());
            MarkSelected();
            return null;
        }
        catch (SaveException e) { return e.Message; }
    }

    public void Switch(ProfileDocument profile)
    {
        Profile = _store?.ListProfiles().FirstOrDefault(p => p.Id == profile.Id) ?? Profile;
        MarkSelected();
    }

    private void MarkSelected()
    {
        if (Profile is { } p) Write(s => Profile = s.SaveSetting(p.Id, SelectedSetting, _clock.GetUtcNow().UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
    }

    public string? Setting(string key) => Profile?.Settings.GetValueOrDefault(key);

    public void SaveSetting(string key, string? value)
    {
        if (Profile is { } p) Write(s => Profile = s.SaveSetting(p.Id, key, value));
    }

    // ---- progress and runs ----

    public IReadOnlyList<ProgressDocument> Progress() => Profile is { } p && _store is not null ? _store.ListProgress(p.Id) : [];

    public IReadOnlyList<RunDocument> Runs(string? incidentKey = null) => Profile is { } p && _store is not null ? _store.ListRuns(p.Id, incidentKey) : [];

    public IReadOnlyList<string> Skipped() =>
        Profile?.Settings.Keys.Where(k => k.StartsWith(SkipPrefix, StringComparison.Ordinal)).Select(k => k[SkipPrefix.Length..]).Order(StringComparer.Ordinal).ToList() ?? [];

    public void Skip(string incidentId) => SaveSetting(SkipPrefix + incidentId, "1");

    /// <summary>Forgets one incident (or, with null, every incident): progress, runs, unfinished play, skips.</summary>
    public void Reset(string? incidentId)
    {
        if (Profile is not { } p) return;
        Write(s =>
        {
            s.ResetProgress(p.Id, incidentId);
            foreach (string id in Skipped().Where(id => incidentId is null || id == incidentId)) Profile = s.SaveSetting(p.Id, SkipPrefix + id, null);
        });
    }

    public void RecordRun(RunRecord run)
    {
        if (Profile is { } p) Write(s => s.RecordFinishedRun(p.Id, run));
    }

    public void RecordHint(string incidentKey, string hintId)
    {
        if (Profile is { } p) Write(s => s.RecordHintBought(p.Id, incidentKey, hintId));
    }

    public void SaveUnfinished(string incidentKey, RunLog log)
    {
        if (Profile is { } p) Write(s => s.SaveUnfinished(p.Id, incidentKey, log));
    }

    public void DiscardUnfinished(string incidentKey)
    {
        if (Profile is { } p) Write(s => s.DiscardUnfinished(p.Id, incidentKey));
    }

    /// <summary>The unfinished play kept under <paramref name="incidentKey"/>, or null.</summary>
    public UnfinishedRunDocument? Unfinished(string incidentKey) => Profile is { } p && _store is not null ? _store.FindUnfinished(p.Id, incidentKey) : null;

    /// <summary>The incident left mid-way most recently, or null.</summary>
    public UnfinishedRunDocument? LatestUnfinished() => Profile is { } p && _store is not null ? _store.ListUnfinished(p.Id).FirstOrDefault() : null;

    // ---- events ----

    public IReadOnlyList<JoinedEventDocument> Events() => Profile is { } p && _store is not null ? _store.ListEvents(p.Id) : [];

    // ---- export and import (the same checks as `memquest profile export/import`) ----

    /// <summary>Writes the current profile to <paramref name="file"/>; returns what happened.</summary>
    public string Export(string file)
    {
        if (Profile is not { } p || _store is null) return "There is no profile to export yet.";
        try
        {
            string path = Path.GetFullPath(file.Trim());
            ProfileExportFile export = _store.ExportProfile(p.Id);
            ProfileExport.WriteFile(export, path);
            return $"Exported profile '{p.Name}' ({export.Progress.Count} incidents, {export.Runs.Count} runs) to {path}.";
        }
        catch (Exception e) when (e is SaveException or IOException or UnauthorizedAccessException or ArgumentException) { return $"Not exported: {e.Message}"; }
    }

    /// <summary>
    /// Adds the profile in <paramref name="file"/> (checked fully first), named <paramref name="asName"/>
    /// if given, and makes it current; returns what happened. <paramref name="takenName"/> is set when
    /// a profile of that name exists already (nothing is imported): ask for another name.
    /// </summary>
    public string Import(string file, string? asName, out string? takenName)
    {
        takenName = null;
        if (!CanWrite) return WhyNoWrites;
        try
        {
            ProfileExportFile export = ProfileExport.ReadFile(Path.GetFullPath(file.Trim()));
            string name = asName?.Trim() ?? export.Profile.Name;
            if (_store!.FindProfile(name) is not null)
            {
                takenName = name;
                return $"A profile named '{name}' already exists here; nothing was imported.";
            }
            Profile = _store.ImportProfile(export, name);
            MarkSelected();
            return $"Imported profile '{Profile!.Name}' ({export.Progress.Count} incidents, {export.Runs.Count} runs); it is now the current profile.";
        }
        catch (Exception e) when (e is SaveException or IOException or UnauthorizedAccessException or ArgumentException) { return $"Not imported: {e.Message} Your saves were not changed."; }
    }

    /// <summary>Why nothing can be written right now (read-only, damaged, or no save).</summary>
    public string WhyNoWrites =>
        IsReadOnly ? SaveMessages.ReadOnly
        : NeedsRepair ? "The save file is damaged: choose Rebuild or Start fresh first (Profile on the title screen)."
        : _store is null ? "There is no save open: " + Message
        : "";

    private void Write(Action<SaveStore> write)
    {
        if (!CanWrite) return;
        try
        {
            write(_store!);
            Problem = null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Problem = $"Could not save: {e.Message}";
        }
    }

    public void Dispose()
    {
        _store?.Dispose();
        _lock?.Dispose();
    }
}
