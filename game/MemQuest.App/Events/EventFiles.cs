// Reads the organiser's event file and its secret (kept beside it as NAME.secret) with clear errors.
using MemQuest.Scenarios.Events;

namespace MemQuest.App.Events;

public static class EventFiles
{
    public const long MaxEventBytes = 256 * 1024;

    /// <summary>Where the secret of an event file lives: the same path with the extension '.secret'.</summary>
    public static string SecretPath(string eventFile) => Path.ChangeExtension(eventFile, ".secret");

    public static EventDefinition? ReadEvent(string path, TextWriter stderr)
    {
        if (!File.Exists(path)) { stderr.Write($"memquest event: {path}: does not exist; write one with 'memquest event new'\n"); return null; }
        string? text = BoundedFile.ReadText(path, MaxEventBytes, out string? error);
        EventDefinition? e = text is null ? null : EventFile.Read(text, out error);
        if (e is null) stderr.Write($"memquest event: {path}: {error}\n");
        return e;
    }

    public static EventSecret? ReadSecret(string eventFile, TextWriter stderr)
    {
        string path = SecretPath(eventFile);
        string? text = File.Exists(path) ? BoundedFile.ReadText(path, 1024, out _) : null;
        string? error = "does not exist; it is written beside the event file by 'memquest event new'";
        EventSecret? s = text is null ? null : EventSecret.Parse(text, out error);
        if (s is null) stderr.Write($"memquest event: {path}: {error}\n");
        return s;
    }

    public static void WriteSecret(string path, EventSecret secret)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var w = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        w.Write(secret.ToHex() + "\n");
    }
}
