using System.Buffers;
using System.Text;
using System.Text.Json;
using KannadaKit.Cli.IO;
using KannadaKit.Text.Normalization;

namespace KannadaKit.Cli.Normalize;

/// <summary>Decodes, normalizes and re-encodes one chunk; pure, so chunks run in parallel.</summary>
internal sealed class ChunkProcessor(IndicNormalizer normalizer, JsonlField? jsonField, bool replaceInvalid, bool wantReport)
{
    public ChunkResult Process(Chunk chunk)
    {
        try
        {
            return jsonField is null ? ProcessText(chunk) : ProcessJsonl(chunk, jsonField);
        }
        finally
        {
            chunk.Return();
        }
    }

    private ChunkResult ProcessText(Chunk chunk)
    {
        var bytes = chunk.Span;
        char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        var report = wantReport ? new ChangeReport(firstLine: chunk.StartLine) : null;
        var output = new PooledByteWriter(bytes.Length + 64);
        var changedLine = new ArrayBufferWriter<char>(256);
        try
        {
            int n = Utf8Decoding.Decode(bytes, chars, chunk.Input, chunk.StartByte, chunk.StartLine, replaceInvalid, out long replaced);
            if (replaced > 0)
            {
                // Lines no longer match the input bytes one to one: encode everything from the repaired text.
                NormalizeAndEncodeAll(chars.AsSpan(0, n), output, report);
                return Result(output, report, replaced);
            }

            // Unchanged lines (most of them) are copied as the original UTF-8 bytes; only changed lines are re-encoded.
            var text = chars.AsSpan(0, n);
            int charPos = 0;
            int bytePos = 0;
            while (bytePos < bytes.Length)
            {
                int byteNl = bytes[bytePos..].IndexOf((byte)'\n');
                int charNl = text[charPos..].IndexOf('\n');
                int byteEnd = byteNl < 0 ? bytes.Length : bytePos + byteNl;
                int charEnd = charNl < 0 ? text.Length : charPos + charNl;
                changedLine.ResetWrittenCount();
                if (normalizer.NormalizeLine(text[charPos..charEnd], changedLine, report))
                {
                    Encode(changedLine.WrittenSpan, output);
                    if (byteNl >= 0)
                    {
                        output.Write("\n"u8);
                    }
                }
                else
                {
                    output.Write(bytes[bytePos..(byteNl < 0 ? byteEnd : byteEnd + 1)]);
                }

                bytePos = byteEnd + 1;
                charPos = charEnd + 1;
            }

            return Result(output, report, 0);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private void NormalizeAndEncodeAll(ReadOnlySpan<char> text, PooledByteWriter output, ChangeReport? report)
    {
        bool endsWithNl = !text.IsEmpty && text[^1] == '\n';
        var normalized = new ArrayBufferWriter<char>(text.Length + 64);
        normalizer.Normalize(endsWithNl ? text[..^1] : text, normalized, report);
        if (endsWithNl)
        {
            normalized.Write("\n");
        }

        Encode(normalized.WrittenSpan, output);
    }

    private static void Encode(ReadOnlySpan<char> chars, PooledByteWriter output)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(chars.Length));
        output.Advance(Encoding.UTF8.GetBytes(chars, span));
    }

    private static ChunkResult Result(PooledByteWriter output, ChangeReport? report, long replaced)
    {
        int length = output.WrittenCount;
        return new ChunkResult(output.Detach(), length, report, replaced, 0, 0);
    }

    private ChunkResult ProcessJsonl(Chunk chunk, JsonlField field)
    {
        var bytes = chunk.Span;
        var output = new PooledByteWriter(bytes.Length + 64);
        var report = wantReport ? new ChangeReport(firstLine: chunk.StartLine) : null;
        long replaced = 0;
        long missing = 0;
        long firstMissing = 0;
        long line = chunk.StartLine;
        int pos = 0;
        while (pos < bytes.Length)
        {
            int nl = bytes[pos..].IndexOf((byte)'\n');
            int end = nl < 0 ? bytes.Length : pos + nl;
            ReadOnlySpan<byte> raw = bytes[pos..end];

            // Validate the encoding first so the error names the byte offset; with --on-invalid replace, go on with
            // the repaired record (U+FFFD in place of each bad sequence), since JSON parsing needs valid UTF-8.
            long bad = Repair(ref raw, chunk, pos, line);
            replaced += bad;
            var record = raw.Length > 0 && raw[^1] == '\r' ? raw[..^1] : raw;
            if (record.Trim((byte)' ').IsEmpty)
            {
                output.Write(raw);
                report?.AddLine(0, 0, changed: false);
            }
            else
            {
                RewriteRecord(chunk, field, raw, record.Length, line, output, report, ref missing, ref firstMissing);
            }

            if (nl >= 0)
            {
                output.Write("\n"u8);
            }

            pos = end + 1;
            line++;
        }

        var result = Result(output, report, replaced);
        return new ChunkResult(result.Bytes, result.Length, report, replaced, missing, firstMissing);
    }

    /// <summary>Checks a record's UTF-8; when replacing, points <paramref name="raw"/> at a repaired copy.</summary>
    /// <returns>Number of invalid sequences replaced.</returns>
    private long Repair(ref ReadOnlySpan<byte> raw, Chunk chunk, int pos, long line)
    {
        char[] scratch = ArrayPool<char>.Shared.Rent(Math.Max(raw.Length, 1));
        try
        {
            int n = Utf8Decoding.Decode(raw, scratch, chunk.Input, chunk.StartByte + pos, line, replaceInvalid, out long bad);
            if (bad > 0)
            {
                raw = Encoding.UTF8.GetBytes(scratch, 0, n);
            }

            return bad;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(scratch);
        }
    }

    private void RewriteRecord(Chunk chunk, JsonlField field, ReadOnlySpan<byte> raw, int recordLength, long line,
        PooledByteWriter output, ChangeReport? report, ref long missing, ref long firstMissing)
    {
        var record = raw[..recordLength];
        bool found;
        int start;
        int length;
        string? value;
        try
        {
            found = field.TryFind(record, out start, out length, out value);
        }
        catch (JsonException e)
        {
            // System.Text.Json appends its own position; ours names the file, line and byte within the line.
            string why = e.Message.Split(" LineNumber:")[0].TrimEnd('.', ' ');
            throw new CliException($"{chunk.Input.DisplayName}:{line}: invalid JSON at byte {e.BytePositionInLine ?? 0} of the line: {why}; expected one JSON object per line");
        }
        catch (InvalidOperationException)
        {
            // An escaped unpaired surrogate (\uD800 alone) parses as JSON but is no text (regression: internal error).
            throw new CliException($"{chunk.Input.DisplayName}:{line}: a string holds an unpaired surrogate escape (\\uD800-\\uDFFF); expected valid UTF-16 text");
        }

        if (!found || value is null)
        {
            missing++;
            firstMissing = firstMissing == 0 ? line : firstMissing;
            output.Write(raw);
            report?.AddLine(0, 0, changed: false);
            return;
        }

        var lineReport = report is null ? null : new ChangeReport(report.MaxExamplesPerRule, line);
        string normalized = normalizer.Normalize(value.AsSpan(), lineReport);
        if (lineReport is not null)
        {
            report!.MergeAsOneLine(lineReport);
        }

        if (string.Equals(normalized, value, StringComparison.Ordinal))
        {
            output.Write(raw);
            return;
        }

        output.Write(record[..start]);
        JsonlField.WriteString(normalized, output);
        output.Write(raw[(start + length)..]);
    }
}
