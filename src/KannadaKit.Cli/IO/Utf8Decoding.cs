using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace KannadaKit.Cli.IO;

/// <summary>Strict UTF-8 decoding that reports where input goes wrong, or replaces bad sequences with U+FFFD and counts them.</summary>
internal static class Utf8Decoding
{
    /// <summary>Decodes <paramref name="bytes"/> into <paramref name="chars"/> (big enough: one char per byte).</summary>
    /// <returns>Chars written; <paramref name="replaced"/> counts U+FFFD substitutions (always 0 when strict).</returns>
    /// <exception cref="CliException">Strict mode and invalid UTF-8.</exception>
    /// <param name="bytes">UTF-8 input.</param>
    /// <param name="chars">Receives the text.</param>
    /// <param name="input">The file, for messages.</param>
    /// <param name="startByte">Offset of <paramref name="bytes"/> in the input, for messages.</param>
    /// <param name="startLine">Line number of its first line, for messages.</param>
    /// <param name="replace">Substitute U+FFFD instead of failing.</param>
    /// <param name="replaced">Number of substitutions.</param>
    public static int Decode(ReadOnlySpan<byte> bytes, Span<char> chars, InputFile input, long startByte, long startLine, bool replace, out long replaced)
    {
        replaced = 0;
        int read = 0;
        int written = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(bytes[read..], chars[written..], out int r, out int w, replaceInvalidSequences: false, isFinalBlock: true);
            read += r;
            written += w;
            if (status == OperationStatus.Done)
            {
                return written;
            }

            // InvalidData: the bad sequence starts at bytes[read]; Rune tells how long its maximal invalid subpart is.
            Rune.DecodeFromUtf8(bytes[read..], out _, out int bad);
            if (!replace)
            {
                long offset = startByte + read;
                long line = startLine + bytes[..read].Count((byte)'\n');
                string seen = Convert.ToHexString(bytes.Slice(read, Math.Min(Math.Max(bad, 1), 4)));
                throw new CliException(
                    $"{input.DisplayName}: invalid UTF-8 at byte offset {offset} (line {line}): bytes {seen} are not a valid sequence; "
                    + "expected UTF-8 text (use --on-invalid replace to substitute U+FFFD)");
            }

            chars[written++] = '\uFFFD';
            read += Math.Max(bad, 1);
            replaced++;
        }
    }
}
