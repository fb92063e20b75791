namespace Snn.Core.IO;

/// <summary>
/// A read-only, seekable view of a stream on which a read that starts at or past the end throws
/// <see cref="EndOfStreamException"/> instead of returning 0: for parsers (PureHDF) that ignore the
/// count a read returns and would take the missing bytes as zeros.
/// </summary>
internal sealed class EndCheckedStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => inner.Position = value; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.Length > 0 && inner.Position >= inner.Length)
        {
            throw new EndOfStreamException($"read of {buffer.Length} bytes at byte {inner.Position}, the end of the {inner.Length}-byte file (a corrupt offset or size).");
        }
        return inner.Read(buffer);
    }

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
