namespace KannadaKit.Cluster.Jobs;

/// <summary>A read-only window [start, start + length) of another stream, which it owns.</summary>
internal sealed class BoundedStream : Stream
{
    private readonly Stream _inner;
    private readonly long _end;

    public BoundedStream(Stream inner, long start, long length)
    {
        _inner = inner;
        _inner.Position = start;
        _end = start + length;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        long left = _end - _inner.Position;
        if (left <= 0)
            return 0;
        return _inner.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inner.Dispose();
        base.Dispose(disposing);
    }
}
