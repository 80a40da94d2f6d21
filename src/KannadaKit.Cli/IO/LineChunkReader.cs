using System.Buffers;

namespace KannadaKit.Cli.IO;

/// <summary>
/// Splits an input into chunks of whole lines (about <see cref="TargetSize"/> bytes each, larger only when one line is),
/// so memory stays bounded however large the input is. A NUL byte anywhere is binary input, an error naming its line
/// and byte offset (regression: only the first 8 KB were checked, and a later NUL was silently deleted).
/// A reader over a cluster shard starts at the shard's byte offset and line, so its messages name the file's.
/// </summary>
internal sealed class LineChunkReader(InputFile input, Stream stream, long firstByte = 0, long firstLine = 1)
{
    public const int TargetSize = 1 << 20;

    public IEnumerable<Chunk> ReadChunks()
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(TargetSize);
        int filled = 0;
        long startByte = firstByte;
        long startLine = firstLine;
        while (true)
        {
            if (filled == buffer.Length)
            {
                // One line longer than the buffer: grow until it ends, up to the limit.
                if (filled >= InputLimits.MaxLineBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    throw InputLimits.LineTooLong(input, startLine, startByte);
                }

                byte[] bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, filled).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }

            int checkedUpTo = filled;
            int read = ReadSome(buffer.AsSpan(filled));
            filled += read;
            int nul = buffer.AsSpan(checkedUpTo, filled - checkedUpTo).IndexOf((byte)0);
            if (nul >= 0)
            {
                var at = checkedUpTo + nul;
                var line = startLine + buffer.AsSpan(0, at).Count((byte)'\n');
                ArrayPool<byte>.Shared.Return(buffer);
                throw new CliException($"{input.DisplayName}: binary file (NUL byte at line {line}, byte offset {startByte + at}); expected UTF-8 text");
            }

            if (read == 0)
            {
                // End of input: whatever is left is the last line, with or without a final line feed.
                yield return new Chunk(input, buffer, filled, startByte, startLine, lastOfInput: true);
                yield break;
            }

            if (filled < TargetSize)
            {
                continue;
            }

            int lastNl = buffer.AsSpan(0, filled).LastIndexOf((byte)'\n');
            if (lastNl < 0)
            {
                continue;
            }

            int cut = lastNl + 1;
            byte[] next = ArrayPool<byte>.Shared.Rent(Math.Max(TargetSize, filled - cut + (TargetSize / 2)));
            buffer.AsSpan(cut, filled - cut).CopyTo(next);
            long lines = buffer.AsSpan(0, cut).Count((byte)'\n');
            yield return new Chunk(input, buffer, cut, startByte, startLine, lastOfInput: false);
            startByte += cut;
            startLine += lines;
            filled -= cut;
            buffer = next;
        }
    }

    private int ReadSome(Span<byte> into)
    {
        try
        {
            return stream.Read(into);
        }
        catch (InvalidDataException e)
        {
            throw new CliException($"{input.DisplayName}: corrupt gzip data ({e.Message})", e);
        }
        catch (IOException e)
        {
            throw new CliException($"{input.DisplayName}: read failed: {e.Message}", e);
        }
    }
}
