using System.Buffers;

namespace KannadaKit.Cli.IO;

/// <summary>
/// Whole lines of one input as UTF-8 bytes (rented; returned by the consumer), with where they start in that input.
/// </summary>
internal sealed class Chunk(InputFile input, byte[] bytes, int length, long startByte, long startLine, bool lastOfInput)
{
    public InputFile Input { get; } = input;

    public byte[] Bytes { get; private set; } = bytes;

    public int Length { get; } = length;

    public ReadOnlySpan<byte> Span => Bytes.AsSpan(0, Length);

    /// <summary>Offset of the first byte in the (decompressed) input.</summary>
    public long StartByte { get; } = startByte;

    /// <summary>1-based number of the first line.</summary>
    public long StartLine { get; } = startLine;

    /// <summary>True for the final chunk of its input.</summary>
    public bool LastOfInput { get; } = lastOfInput;

    public void Return()
    {
        if (Bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(Bytes);
            Bytes = [];
        }
    }
}
