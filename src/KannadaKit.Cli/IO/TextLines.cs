using System.Text;

namespace KannadaKit.Cli.IO;

/// <summary>
/// Line-by-line reading of inputs for the line-oriented commands (segment, translit, legacy): gzip detected, strict
/// UTF-8 with the byte offset and line of any error, line ends (LF or CRLF) removed.
/// </summary>
internal static class TextLines
{
    /// <summary>The inputs named on the command line (none or "-": standard input), checked before any output.</summary>
    public static List<InputFile> Inputs(string[]? names) =>
        names is null or { Length: 0 } ? [InputFile.Stdin()] : [.. names.Select(InputFile.Open)];

    /// <summary>Reads the lines of one input.</summary>
    /// <param name="input">The input.</param>
    /// <param name="latin1">Read bytes as Latin-1 (legacy font text saved as 8-bit) instead of UTF-8.</param>
    /// <param name="latin1Fallback">Read a line that is not valid UTF-8 as Latin-1 instead of failing.</param>
    public static IEnumerable<string> Read(InputFile input, bool latin1 = false, bool latin1Fallback = false)
    {
        using var stream = input.OpenRead(out _);
        foreach (var line in Read(input, stream, 0, 1, latin1, latin1Fallback))
            yield return line;
    }

    /// <summary>Reads the lines of <paramref name="stream"/>, part of <paramref name="input"/> that starts at byte
    /// <paramref name="firstByte"/> and line <paramref name="firstLine"/> (a cluster shard), so errors name the file's.</summary>
    public static IEnumerable<string> Read(InputFile input, Stream stream, long firstByte, long firstLine, bool latin1 = false, bool latin1Fallback = false)
    {
        var buffer = new MemoryStream();
        var chars = new char[4096];
        long offset = firstByte;
        long line = firstLine;
        int b;
        var reader = new BufferedStream(stream, 1 << 16);
        while (true)
        {
            b = reader.ReadByte();
            if (b < 0 || b == '\n')
            {
                if (b < 0 && buffer.Length == 0)
                    yield break;
                var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
                if (bytes.Length > 0 && bytes[^1] == '\r')
                    bytes = bytes[..^1];
                string text;
                if (latin1 || (latin1Fallback && !System.Text.Unicode.Utf8.IsValid(bytes)))
                {
                    text = Encoding.Latin1.GetString(bytes);
                }
                else
                {
                    if (chars.Length < bytes.Length)
                        chars = new char[bytes.Length];
                    int n = Utf8Decoding.Decode(bytes, chars, input, offset, line, replace: false, out _);
                    text = new string(chars, 0, n);
                }
                if (bytes.Length > 0 && text.Contains('\0'))
                    throw new CliException($"{input.DisplayName}: NUL byte in line {line}; expected text, not a binary file");
                offset += buffer.Length + (b < 0 ? 0 : 1);
                buffer.SetLength(0);
                yield return text;
                line++;
                if (b < 0)
                    yield break;
                continue;
            }
            if (buffer.Length == InputLimits.MaxLineBytes)
            {
                throw InputLimits.LineTooLong(input, line, offset);
            }

            buffer.WriteByte((byte)b);
        }
    }
}
