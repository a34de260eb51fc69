// DigestWriter buffers fields before hashing; the digest must be SHA-256 of the fields' bytes in
// order (each long as 8 little-endian bytes, each string as its length then its UTF-8 bytes),
// however the stream falls across the buffer's boundaries.
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MemQuest.Engine.Tests;

public sealed class DigestWriterTests
{
    [Fact]
    public void Digest_FieldsAcrossBufferBoundaries_IsSha256OfTheirBytesInOrder()
    {
        var expected = new List<byte>();
        void Long(long v) { var b = new byte[8]; BinaryPrimitives.WriteInt64LittleEndian(b, v); expected.AddRange(b); }
        void Str(string s) { Long(s.Length); expected.AddRange(Encoding.UTF8.GetBytes(s)); }

        using var w = new DigestWriter();
        // Enough longs and short strings to cross the buffer many times at odd offsets, a string longer
        // than the whole buffer, multi-byte UTF-8, and the section marker.
        for (long i = 0; i < 40_000; i++)
        {
            w.Add(i * 7919 - 3); Long(i * 7919 - 3);
            if (i % 97 == 0) { string s = "ino" + i + "§é"; w.Add(s); Str(s); }
        }
        string big = new('x', 200_000);
        w.Add(big); Str(big);
        w.Section("zones"); Str("§zones");
        w.Add(-1); Long(-1);

        Assert.Equal(Convert.ToHexString(SHA256.HashData(expected.ToArray())), w.Finish());
    }
}
