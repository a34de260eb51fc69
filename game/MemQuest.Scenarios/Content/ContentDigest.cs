// SHA-256 over every content file's relative path and bytes, in ordinal path order: a run file
// recorded on other content is refused on replay.
using System.Security.Cryptography;
using System.Text;

namespace MemQuest.Scenarios.Content;

public static class ContentDigest
{
    public static string Compute(string root, IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string file in files.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            byte[] bytes = File.ReadAllBytes(Path.Combine(root, file));
            hash.AppendData(BitConverter.GetBytes((long)bytes.Length));
            hash.AppendData(bytes);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
