using System.Buffers.Binary;
using System.IO.Compression;

namespace Snn.Datasets.Formats;

/// <summary>
/// Reads a binary stream while counting bytes, so that a short or corrupt file is reported with
/// its name and the byte offset where reading failed. Gzip input is detected by its magic bytes
/// and decompressed on the fly (offsets then count decompressed bytes). A block whose size comes
/// from a header field is refused before anything is allocated when the file is known to be
/// shorter; where the length is not known (gzip, pipes) the block grows only as its bytes arrive,
/// so a corrupt size field never allocates more than twice the data actually present.
/// </summary>
internal sealed class ByteReader : IDisposable
{
    private const int FirstBlock = 1 << 16;

    private readonly Stream _stream;
    private readonly long? _length;
    private int _pushback = -1;

    private ByteReader(Stream stream, string name, bool compressed, long? length)
    {
        _stream = stream;
        Name = name;
        IsCompressed = compressed;
        _length = length;
    }

    public string Name { get; }

    public bool IsCompressed { get; }

    public long Position { get; private set; }

    public static ByteReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Data file '{path}' does not exist.", path);
        }
        return FromStream(File.OpenRead(path), path);
    }

    public static ByteReader FromStream(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffered = new BufferedStream(stream, 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        int got = buffered.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        bool gzip = got == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
        if (buffered.CanSeek)
        {
            buffered.Seek(-got, SeekOrigin.Current);
            Stream inner = gzip ? new BufferedStream(new GZipStream(buffered, CompressionMode.Decompress), 1 << 16) : buffered;
            return new ByteReader(inner, name, gzip, gzip ? null : buffered.Length - buffered.Position);
        }
        var prefix = new PrefixedStream(magic[..got].ToArray(), buffered);
        Stream input = gzip ? new BufferedStream(new GZipStream(prefix, CompressionMode.Decompress), 1 << 16) : prefix;
        return new ByteReader(input, name, gzip, null);
    }

    /// <summary>The bytes left after <see cref="Position"/>, when the input's length is known (an uncompressed file).</summary>
    public long? Remaining => _length - Position;

    /// <summary>
    /// Reads a block of <paramref name="count"/> bytes whose size came from the file. It is refused
    /// (naming the offset) before anything is allocated when it exceeds one .NET array or the bytes
    /// left in a file of known length; otherwise it grows as its bytes arrive.
    /// </summary>
    public byte[] ReadBlock(long count, string what)
    {
        byte[] block = [];
        ReadInto(ref block, count, what);
        return block;
    }

    /// <summary>
    /// Reads <paramref name="count"/> bytes into the start of <paramref name="buffer"/>, growing it
    /// (never beyond <paramref name="count"/>, never ahead of the bytes that arrived) when it is
    /// shorter, with the checks of <see cref="ReadBlock"/>.
    /// </summary>
    public void ReadInto(ref byte[] buffer, long count, string what)
    {
        RequireAvailable(count, what);
        int length = (int)count;
        if (buffer.Length >= length)
        {
            ReadExactly(buffer.AsSpan(0, length), what);
            return;
        }
        int filled = Math.Min(buffer.Length, length);
        ReadExactly(buffer.AsSpan(0, filled), what);
        while (filled < length)
        {
            int size = (int)Math.Min(length, Math.Max(FirstBlock, 2L * filled));
            Array.Resize(ref buffer, size);
            int got = ReadRaw(buffer.AsSpan(filled, size - filled));
            Position += got;
            filled += got;
            if (filled < size)
            {
                throw Error($"truncated: {what} needs {length} bytes but the file ends after {filled}");
            }
        }
    }

    /// <summary>Refuses, before anything is allocated, a block larger than one .NET array or than the bytes left in a file of known length.</summary>
    public void RequireAvailable(long count, string what)
    {
        if (count < 0 || count > Array.MaxLength)
        {
            throw Error($"{what} would need {count} bytes; a block holds at most {Array.MaxLength}");
        }
        if (Remaining is long remaining && count > remaining)
        {
            throw Error($"truncated: {what} needs {count} bytes but only {remaining} remain");
        }
    }

    public DataFormatException Error(string detail, long? offset = null, Exception? inner = null)
        => new(Name, offset ?? Position, null, IsCompressed ? detail + " (offset counts decompressed bytes)" : detail, inner);

    /// <summary>Fills the buffer; returns false at a clean end of stream (no byte read).</summary>
    public bool TryReadExactly(Span<byte> buffer, string what)
    {
        int got = ReadRaw(buffer);
        if (got == 0)
        {
            return false;
        }
        if (got < buffer.Length)
        {
            throw Error($"truncated: {what} needs {buffer.Length} bytes but only {got} remain");
        }
        Position += got;
        return true;
    }

    public void ReadExactly(Span<byte> buffer, string what)
    {
        if (buffer.Length > 0 && !TryReadExactly(buffer, what))
        {
            throw Error($"truncated: {what} needs {buffer.Length} bytes but the file ends here");
        }
    }

    /// <summary>Reads up to buffer.Length bytes; returns the count (0 at end of stream).</summary>
    public int ReadSome(Span<byte> buffer)
    {
        int got = ReadRaw(buffer);
        Position += got;
        return got;
    }

    public int ReadInt32BigEndian(string what)
    {
        Span<byte> b = stackalloc byte[4];
        ReadExactly(b, what);
        return BinaryPrimitives.ReadInt32BigEndian(b);
    }

    /// <summary>Reads one line of ASCII text ending in '\n' (the '\r' is kept out); null at end of stream.</summary>
    public string? ReadAsciiLine(int maxLength)
    {
        var chars = new System.Text.StringBuilder();
        Span<byte> one = stackalloc byte[1];
        while (true)
        {
            int got = ReadSome(one);
            if (got == 0)
            {
                return chars.Length == 0 ? null : chars.ToString();
            }
            if (one[0] == (byte)'\n')
            {
                if (chars.Length > 0 && chars[^1] == '\r')
                {
                    chars.Length--;
                }
                return chars.ToString();
            }
            if (chars.Length >= maxLength)
            {
                throw Error($"header line longer than {maxLength} bytes");
            }
            chars.Append((char)one[0]);
        }
    }

    /// <summary>Reads the next byte without consuming it; -1 at end of stream.</summary>
    public int Peek()
    {
        if (_pushback < 0)
        {
            Span<byte> one = stackalloc byte[1];
            int got = ReadRaw(one);
            if (got == 0)
            {
                return -1;
            }
            _pushback = one[0];
        }
        return _pushback;
    }

    private int ReadRaw(Span<byte> buffer)
    {
        if (buffer.Length == 0)
        {
            return 0;
        }
        int start = 0;
        if (_pushback >= 0)
        {
            buffer[0] = (byte)_pushback;
            _pushback = -1;
            start = 1;
        }
        try
        {
            return start + _stream.ReadAtLeast(buffer[start..], buffer.Length - start, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw Error($"corrupt compressed data: {e.Message}", inner: e);
        }
    }

    public void Dispose() => _stream.Dispose();

    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _used;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_used < prefix.Length)
            {
                int n = Math.Min(buffer.Length, prefix.Length - _used);
                prefix.AsSpan(_used, n).CopyTo(buffer);
                _used += n;
                return n;
            }
            return rest.Read(buffer);
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                rest.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
