// Reads an untrusted file as UTF-8 text with a size cap checked before reading (a 1 GB file is
// refused by its length, never read) and again while reading (a file that grows is cut off).
using System.Text;

namespace MemQuest.App.Events;

public static class BoundedFile
{
    /// <summary>The text, or null with the reason (which names no path; the caller names the file).</summary>
    public static string? ReadText(string path, long maxBytes, out string? error)
    {
        error = null;
        try
        {
            var info = new FileInfo(path);
            if ((info.Attributes & FileAttributes.ReparsePoint) != 0) { error = "is a symbolic link; links are not followed, send the file itself"; return null; }
            if (info.Length > maxBytes) { error = $"is {info.Length} bytes, over the limit of {maxBytes}; it is not read"; return null; }
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
            var buffer = new byte[maxBytes + 1];
            int total = 0, n;
            while (total < buffer.Length && (n = stream.Read(buffer, total, buffer.Length - total)) > 0) total += n;
            if (total > maxBytes) { error = $"grew past the limit of {maxBytes} bytes while being read"; return null; }
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, total);
        }
        catch (DecoderFallbackException) { error = "is not UTF-8 text; a submission or ticket is JSON written by memquest"; return null; }
        catch (IOException e) { error = $"could not be read: {e.Message}"; return null; }
        catch (UnauthorizedAccessException e) { error = $"could not be read: {e.Message}"; return null; }
    }
}
