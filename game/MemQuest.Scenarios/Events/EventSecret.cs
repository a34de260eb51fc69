// The organiser's secret (32 random bytes, kept as hex in its own file, never given to players):
// the HMAC key that signs tickets and derives each player's seed variant.
using System.Security.Cryptography;
using System.Text;

namespace MemQuest.Scenarios.Events;

public sealed class EventSecret
{
    public const int Bytes = 32;
    private readonly byte[] _key;

    private EventSecret(byte[] key) => _key = key;

    public static EventSecret Generate() => new(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>The secret from its hex text, or null with the reason.</summary>
    public static EventSecret? Parse(string text, out string? error)
    {
        string hex = text.Trim();
        error = null;
        if (hex.Length != Bytes * 2 || !hex.All(Uri.IsHexDigit))
        {
            error = $"a secret is {Bytes * 2} hex digits on one line; write a new one with 'memquest event new'";
            return null;
        }
        return new EventSecret(Convert.FromHexString(hex));
    }

    public string ToHex() => Convert.ToHexString(_key).ToLowerInvariant();

    /// <summary>HMAC-SHA256 of the fields, each length-prefixed so no two field lists collide.</summary>
    public byte[] Mac(params string[] fields)
    {
        using var buffer = new MemoryStream();
        foreach (string f in fields)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(f);
            buffer.Write(BitConverter.GetBytes(bytes.Length));
            buffer.Write(bytes);
        }
        return HMACSHA256.HashData(_key, buffer.ToArray());
    }

    public byte[] Mac(byte[] data) => HMACSHA256.HashData(_key, data);
}
