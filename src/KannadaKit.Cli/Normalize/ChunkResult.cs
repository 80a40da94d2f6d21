using System.Buffers;
using KannadaKit.Text.Normalization;

namespace KannadaKit.Cli.Normalize;

/// <summary>The normalized bytes of one chunk and what happened to it.</summary>
internal sealed class ChunkResult(byte[] bytes, int length, ChangeReport? report, long replaced, long missingField, long firstMissingLine)
{
    public byte[] Bytes { get; private set; } = bytes;

    public int Length { get; } = length;

    public ChangeReport? Report { get; } = report;

    /// <summary>Invalid UTF-8 sequences replaced by U+FFFD.</summary>
    public long Replaced { get; } = replaced;

    /// <summary>JSONL records without a string at the field path.</summary>
    public long MissingField { get; } = missingField;

    public long FirstMissingLine { get; } = firstMissingLine;

    public void Return()
    {
        if (Bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(Bytes);
            Bytes = [];
        }
    }
}
