using System.CommandLine;
using MemQuest.Persistence;
using MemQuest.Persistence.Export;

namespace MemQuest.App.Cli;

/// <summary>The work behind each <c>profile</c> subcommand: open the save, do one thing, say what happened.</summary>
internal sealed class ProfileActions(Option<string?> savesOption, ProfileCommandContext context)
{
    public int Create(ParseResult r, string name) =>
        WithStore(r, write: true, (store, o) =>
        {
            var profile = store.CreateProfile(name);
            o.WriteLine($"Created profile '{profile.Name}'.");
            return ProfileExitCodes.Ok;
        });

    public int List(ParseResult r) =>
        WithStore(r, write: false, (store, o) =>
        {
            var profiles = store.ListProfiles();
            if (profiles.Count == 0)
            {
                o.WriteLine("No profiles yet. Create one with: memquest profile create NAME");
                return ProfileExitCodes.Ok;
            }
            o.WriteLine($"{"PROFILE",-32}  {"CREATED",-10}  {"SOLVED",6}  {"STARS",5}  {"RUNS",5}");
            foreach (var p in profiles)
            {
                var progress = store.ListProgress(p.Id).Where(x => !Saves.PlayKey.IsEventId(x.IncidentId)).ToList();   // the campaign's; event plays are the event's
                o.WriteLine($"{p.Name,-32}  {p.CreatedUtc:yyyy-MM-dd}  {progress.Count(x => x.Solved),6}  {progress.Sum(x => x.Stars),5}  {store.ListRuns(p.Id).Count,5}");
            }
            return ProfileExitCodes.Ok;
        });

    public int Export(ParseResult r, string file, string? profileName) =>
        WithStore(r, write: false, (store, o) =>
        {
            var profile = store.ResolveProfile(profileName);
            var export = store.ExportProfile(profile.Id);
            ProfileExport.WriteFile(export, Path.GetFullPath(file, context.CurrentDirectory));
            o.WriteLine($"Exported profile '{profile.Name}' ({export.Progress.Count} incidents, {export.Runs.Count} runs) to {file}.");
            var left = store.ListRuns(profile.Id).Count - export.Runs.Count;
            if (left > 0)
                o.WriteLine($"The {left} oldest runs were left out to keep the file importable; all progress is included.");
            return ProfileExitCodes.Ok;
        });

    public int Import(ParseResult r, string file, string? asName)
    {
        ProfileExportFile export;
        try
        {
            export = ProfileExport.ReadFile(Path.GetFullPath(file, context.CurrentDirectory));
        }
        catch (SaveException ex)
        {
            return Fail(r, ex.Message);
        }
        return WithStore(r, write: true, (store, o) =>
        {
            var profile = store.ImportProfile(export, asName);
            o.WriteLine($"Imported profile '{profile.Name}' ({export.Progress.Count} incidents, {export.Runs.Count} runs).");
            return ProfileExitCodes.Ok;
        });
    }

    public int Reset(ParseResult r, string? incident, string? profileName, bool yes) =>
        WithStore(r, write: true, (store, o) =>
        {
            var profile = store.ResolveProfile(profileName);
            var what = incident is null ? $"ALL progress of profile '{profile.Name}'" : $"incident '{incident}' of profile '{profile.Name}'";
            if (!yes && !Confirm(o, $"Reset {what} (progress, runs and unfinished play)? Type 'yes' to confirm: "))
            {
                if (!context.InputIsInteractive)
                    return Usage(r, $"Resetting needs confirmation: add --yes to reset {what}.");
                o.WriteLine("Nothing was reset.");
                return ProfileExitCodes.Failed;
            }
            store.ResetProgress(profile.Id, incident);
            o.WriteLine($"Reset {what}.");
            return ProfileExitCodes.Ok;
        });

    public int Repair(ParseResult r, bool rebuild, bool fresh)
    {
        if (rebuild == fresh)
            return Usage(r, "Say how to repair: --rebuild (salvage what LiteDB can) or --fresh (start an empty save).");
        var dir = SavesDirectory(r);
        using var saveLock = SaveLock.TryAcquire(dir);
        if (saveLock is null)
            return Fail(r, SaveMessages.Locked(dir));
        var opened = SaveStore.Open(saveLock, context.Clock);
        if (opened.Store is not null)
        {
            opened.Store.Dispose();
            r.InvocationConfiguration.Output.WriteLine($"The save in {dir} opens fine; nothing to repair.");
            return ProfileExitCodes.Ok;
        }
        if (opened.Status != SaveOpenStatus.Damaged)
            return Fail(r, opened.Message);
        r.InvocationConfiguration.Output.WriteLine(opened.Message);
        var result = rebuild ? SaveStore.Rebuild(saveLock, context.Clock) : SaveStore.StartFresh(saveLock, context.Clock);
        using (result.Store)
        {
            if (!result.IsOpen)
                return Fail(r, result.Message + " Try: memquest profile repair --fresh");
            r.InvocationConfiguration.Output.WriteLine(result.Message);
            return ProfileExitCodes.Ok;
        }
    }

    private bool Confirm(TextWriter o, string question)
    {
        if (!context.InputIsInteractive)
            return false;
        o.Write(question);
        return string.Equals(context.Input.ReadLine()?.Trim(), "yes", StringComparison.OrdinalIgnoreCase);
    }

    private string SavesDirectory(ParseResult r) =>
        SavesLocator.Resolve(r.GetValue(savesOption), context.SavesEnvironmentValue, context.CurrentDirectory, context.ExecutableDirectory);

    /// <summary>Takes the lock and opens the save; a reader falls back to a read-only snapshot when another MemQuest runs.</summary>
    private int WithStore(ParseResult r, bool write, Func<SaveStore, TextWriter, int> action)
    {
        var dir = SavesDirectory(r);
        try
        {
            using var saveLock = SaveLock.TryAcquire(dir);
            var opened = saveLock is not null
                ? SaveStore.Open(saveLock, context.Clock)
                : write ? new SaveOpenResult(SaveOpenStatus.Locked, null, SaveMessages.Locked(dir)) : SaveStore.OpenReadOnlySnapshot(dir, context.Clock);
            if (opened.Store is null)
                return Fail(r, opened.Status == SaveOpenStatus.Damaged
                    ? opened.Message + " To repair: memquest profile repair --rebuild (or --fresh to start over)."
                    : opened.Message);
            using var store = opened.Store;
            if (opened.Message.Length > 0)
                r.InvocationConfiguration.Error.WriteLine(opened.Message);
            return action(store, r.InvocationConfiguration.Output);
        }
        catch (SaveException ex)
        {
            return Fail(r, ex.Message);
        }
    }

    private static int Fail(ParseResult r, string message)
    {
        r.InvocationConfiguration.Error.WriteLine(message);
        return ProfileExitCodes.Failed;
    }

    private static int Usage(ParseResult r, string message)
    {
        r.InvocationConfiguration.Error.WriteLine(message);
        return ProfileExitCodes.Usage;
    }
}
