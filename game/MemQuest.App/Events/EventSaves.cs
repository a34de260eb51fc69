// The event commands' way into the save: take the one-writer lock, open the save, resolve the
// profile (the only one, or --profile NAME) and run one action; every failure (another MemQuest
// running, a damaged save, no profile) becomes a clear message and an exit code.
using MemQuest.App.Cli;
using MemQuest.Persistence;
using MemQuest.Persistence.Documents;

namespace MemQuest.App.Events;

public static class EventSaves
{
    public static int Use(string saves, string? profileName, TextWriter stderr, TimeProvider clock, Func<SaveStore, ProfileDocument, int> action)
    {
        try
        {
            using SaveLock? saveLock = SaveLock.TryAcquire(saves);
            if (saveLock is null) { stderr.Write($"memquest event: {SaveMessages.Locked(saves)}\n"); return ExitCodes.Usage; }
            SaveOpenResult opened = SaveStore.Open(saveLock, clock);
            if (opened.Store is null)
            {
                stderr.Write($"memquest event: {opened.Message}{(opened.Status == SaveOpenStatus.Damaged ? " To repair: memquest profile repair --rebuild (or --fresh)." : "")}\n");
                return ExitCodes.Usage;
            }
            using SaveStore store = opened.Store;
            ProfileDocument profile = store.ResolveProfile(profileName);
            return action(store, profile);
        }
        catch (SaveException e)
        {
            stderr.Write($"memquest event: {e.Message}\n");
            return ExitCodes.Usage;
        }
    }
}
