// Not a kernel structure: SHA-256 over engine state written field by field in a fixed order
// (architecture §2.6, E8). Never uses GetHashCode, reflection or dictionary order.
// Fields are gathered in a buffer and hashed a block at a time: SHA-256 of a byte stream does not
// depend on how the stream is cut, so the digest is that of hashing each field on its own.
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MemQuest.Engine;

public sealed class DigestWriter : IDisposable
{
    private const int BufferBytes = 64 * 1024;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[BufferBytes];
    private int _used;

    public void Add(long value)
    {
        if (_used > BufferBytes - sizeof(long)) Flush();
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_used), value);
        _used += sizeof(long);
    }

    /// <summary>The next <paramref name="bytes"/> bytes of the stream (at most the buffer), for a caller that writes
    /// many fields in a row (little-endian longs, as <see cref="Add(long)"/> writes them) and fills all of it.</summary>
    internal Span<byte> Reserve(int bytes)
    {
        if (bytes > BufferBytes) throw new ArgumentOutOfRangeException(nameof(bytes), "at most the buffer at a time");
        if (_used > BufferBytes - bytes) Flush();
        Span<byte> span = _buffer.AsSpan(_used, bytes);
        _used += bytes;
        return span;
    }

    /// <summary>Most longs <see cref="Reserve"/> hands out at once.</summary>
    internal const int MaxLongsAtOnce = BufferBytes / sizeof(long);

    public void Add(string value)
    {
        Add(value.Length);
        int maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (maxBytes > BufferBytes)
        {
            Flush();
            _hash.AppendData(Encoding.UTF8.GetBytes(value));
            return;
        }
        if (_used > BufferBytes - maxBytes) Flush();
        _used += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used));
    }

    /// <summary>A section marker, so that equal numbers in different sections never collide.</summary>
    public void Section(string name) => Add("§" + name);

    public string Finish()
    {
        Flush();
        return Convert.ToHexString(_hash.GetHashAndReset());
    }

    private void Flush()
    {
        _hash.AppendData(_buffer, 0, _used);
        _used = 0;
    }

    public void Dispose() => _hash.Dispose();
}
