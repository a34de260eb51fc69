namespace MemQuest.Persistence;

/// <summary>How opening the save went; the App reacts to each (see <see cref="SaveOpenResult"/>).</summary>
public enum SaveOpenStatus
{
    /// <summary>Opened for writing; <see cref="SaveOpenResult.Store"/> is set.</summary>
    Opened,
    /// <summary>Opened a read-only snapshot while another instance holds the lock.</summary>
    OpenedReadOnly,
    /// <summary>Another MemQuest holds the lock; nothing was opened or touched.</summary>
    Locked,
    /// <summary>The file is damaged or foreign; it was copied aside. Offer Rebuild or StartFresh.</summary>
    Damaged,
    /// <summary>The file was written by a newer MemQuest (higher schema version); left untouched.</summary>
    TooNew,
    /// <summary>Rebuild was tried and could not recover the file; offer StartFresh.</summary>
    RecoveryFailed,
}
