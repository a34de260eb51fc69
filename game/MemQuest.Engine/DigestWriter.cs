// Not a kernel structure: SHA-256 over engine state written field by field in a fixed order
// (architecture §2.6, E8). Never uses GetHashCode, reflection or dictionary order.
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MemQuest.Engine;

public sealed class DigestWriter : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[8];

    public void Add(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer, value);
        _hash.AppendData(_buffer);
    }

    public void Add(string value)
    {
        Add(value.Length);
        _hash.AppendData(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>A section marker, so that equal numbers in different sections never collide.</summary>
    public void Section(string name) => Add("§" + name);

    public string Finish() => Convert.ToHexString(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();
}
