using System.Buffers.Binary;

namespace MemQuest.Persistence;

/// <summary>
/// Checks a save file before LiteDB may touch it, because LiteDB overwrites small foreign files
/// and turns a garbage <c>-log.db</c> into a terabyte sparse file (stack.md §3.5); and copies a
/// bad file aside (with its log) so that nothing the player had is ever lost.
/// </summary>
public static class SaveFileGuard
{
    public const int PageSizeBytes = 8192;
    private const int MagicOffset = 32;
    private const int FileVersionOffset = 59;
    private const byte LiteDbFileVersion = 8;
    private const byte MaxPageType = 4;
    private static ReadOnlySpan<byte> Magic => "** This is a LiteDB file **"u8;

    /// <summary>LiteDB's write-ahead log for a data file: <c>name-log.db</c> beside <c>name.db</c>.</summary>
    public static string LogPathOf(string dataPath) =>
        Path.Combine(Path.GetDirectoryName(dataPath) ?? ".", Path.GetFileNameWithoutExtension(dataPath) + "-log" + Path.GetExtension(dataPath));

    /// <summary>Reads the data file's header page and the log's page headers; never writes.</summary>
    public static SaveFileCheck Inspect(string dataPath)
    {
        try
        {
            return InspectFiles(dataPath, LogPathOf(dataPath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new SaveFileCheck(SaveFileProblem.Unreadable, $"the file cannot be read ({ex.Message})");
        }
    }

    private static SaveFileCheck InspectFiles(string dataPath, string logPath)
    {
        var data = new FileInfo(dataPath);
        var log = new FileInfo(logPath);
        if (!data.Exists)
        {
            return log.Exists && log.Length > 0
                ? new SaveFileCheck(SaveFileProblem.OrphanLog, "there is a LiteDB log file but no data file")
                : new SaveFileCheck(SaveFileProblem.Missing, "there is no save file yet");
        }
        if (data.Length == 0)
            return new SaveFileCheck(SaveFileProblem.Empty, "the save file is empty (0 bytes)");
        if (data.Length < PageSizeBytes || !HasLiteDbHeader(dataPath))
            return new SaveFileCheck(SaveFileProblem.NotLiteDb, "the save file is not a LiteDB database (its header is missing or damaged)");
        if (data.Length % PageSizeBytes != 0)
            return new SaveFileCheck(SaveFileProblem.Truncated, $"the save file is cut short ({data.Length} bytes is not a whole number of 8 KiB pages)");
        if (log.Exists && !LogLooksSane(logPath, data.Length / PageSizeBytes, log.Length))
            return new SaveFileCheck(SaveFileProblem.DamagedLog, $"the save's log file {log.Name} is damaged");
        return SaveFileCheck.Fine;
    }

    private static bool HasLiteDbHeader(string dataPath)
    {
        var header = new byte[64];
        using var stream = new FileStream(dataPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.ReadExactly(header);
        return header[4] == 1
            && header.AsSpan(MagicOffset, Magic.Length).SequenceEqual(Magic)
            && header[FileVersionOffset] == LiteDbFileVersion;
    }

    /// <summary>
    /// Every log page must be a known page type, and its page id must lie within the data file
    /// plus the pages the log could have added; a garbage id is what makes LiteDB write far
    /// beyond the end of the file.
    /// </summary>
    private static bool LogLooksSane(string logPath, long dataPages, long logLength)
    {
        if (logLength % PageSizeBytes != 0)
            return false;
        var logPages = logLength / PageSizeBytes;
        var pageHeader = new byte[8];
        using var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        for (long page = 0; page < logPages; page++)
        {
            stream.Position = page * PageSizeBytes;
            stream.ReadExactly(pageHeader);
            var pageId = BinaryPrimitives.ReadUInt32LittleEndian(pageHeader);
            if (pageHeader[4] > MaxPageType || pageId > dataPages + logPages)
                return false;
        }
        return true;
    }

    /// <summary>
    /// Copies the data file and its log to <c>memquest.db.damaged-N</c> and
    /// <c>memquest-log.db.damaged-N</c> (first free N); returns the data copy's path (or the log
    /// copy's when only a log exists). Never overwrites anything.
    /// </summary>
    public static string CopyAside(string dataPath, string label = "damaged") => CopyAside(dataPath, label, headerPageBeforeOpen: null);

    /// <summary>
    /// As <see cref="CopyAside(string, string)"/>, but puts back the header page as it was before
    /// LiteDB opened the file: a failed open marks the header (its "invalid datafile" flag), and
    /// the copy must be exactly what the player had.
    /// </summary>
    public static string CopyAside(string dataPath, string label, byte[]? headerPageBeforeOpen)
    {
        if (LatestCopyIfSame(dataPath, label, headerPageBeforeOpen) is { } existing)
            return existing;
        var copy = CopyAsideFiles(dataPath, label);
        if (headerPageBeforeOpen is not null && copy.StartsWith($"{dataPath}.{label}-", StringComparison.Ordinal))
        {
            using var stream = new FileStream(copy, FileMode.Open, FileAccess.Write, FileShare.None);
            stream.Write(headerPageBeforeOpen);
        }
        return copy;
    }

    /// <summary>
    /// The newest earlier copy when it already holds exactly these files (so opening the same
    /// damaged save again and again does not pile up identical copies); otherwise null.
    /// </summary>
    private static string? LatestCopyIfSame(string dataPath, string label, byte[]? headerPageBeforeOpen)
    {
        const long maxCompareBytes = 64L * 1024 * 1024;
        var logPath = LogPathOf(dataPath);
        var n = 1;
        while (File.Exists($"{dataPath}.{label}-{n}") || File.Exists($"{logPath}.{label}-{n}"))
            n++;
        if (n == 1)
            return null;
        string dataCopy = $"{dataPath}.{label}-{n - 1}", logCopy = $"{logPath}.{label}-{n - 1}";
        if (!File.Exists(dataPath) || !File.Exists(dataCopy) || new FileInfo(dataPath).Length > maxCompareBytes)
            return null;
        var data = File.ReadAllBytes(dataPath);
        headerPageBeforeOpen?.CopyTo(data, 0);
        var sameLog = File.Exists(logPath) == File.Exists(logCopy)
            && (!File.Exists(logPath) || (new FileInfo(logPath).Length <= maxCompareBytes && File.ReadAllBytes(logPath).AsSpan().SequenceEqual(File.ReadAllBytes(logCopy))));
        return sameLog && data.AsSpan().SequenceEqual(File.ReadAllBytes(dataCopy)) ? dataCopy : null;
    }

    /// <summary>
    /// Puts back the header page read before a failed LiteDB open (which sets its "invalid
    /// datafile" flag), so a file we could not open is left exactly as the player had it.
    /// </summary>
    public static void RestoreHeaderPage(string dataPath, byte[] headerPageBeforeOpen)
    {
        using var stream = new FileStream(dataPath, FileMode.Open, FileAccess.Write, FileShare.None);
        if (stream.Length >= headerPageBeforeOpen.Length)
            stream.Write(headerPageBeforeOpen);
    }

    /// <summary>The first page of the data file (or all of it when shorter), read without writing.</summary>
    public static byte[] ReadHeaderPage(string dataPath)
    {
        using var stream = new FileStream(dataPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var page = new byte[Math.Min(PageSizeBytes, stream.Length)];
        stream.ReadExactly(page);
        return page;
    }

    private static string CopyAsideFiles(string dataPath, string label)
    {
        var logPath = LogPathOf(dataPath);
        for (var n = 1; ; n++)
        {
            var dataCopy = $"{dataPath}.{label}-{n}";
            var logCopy = $"{logPath}.{label}-{n}";
            if (File.Exists(dataCopy) || File.Exists(logCopy))
                continue;
            var copied = "";
            if (File.Exists(dataPath))
            {
                File.Copy(dataPath, dataCopy, overwrite: false);
                copied = dataCopy;
            }
            if (File.Exists(logPath))
            {
                File.Copy(logPath, logCopy, overwrite: false);
                copied = copied.Length == 0 ? logCopy : copied;
            }
            return copied;
        }
    }
}
