using System.Text;

namespace KannadaKit.Subtitles;

/// <summary>Shared decoding of subtitle files: UTF-8 (a BOM skipped), invalid bytes refused with their offset, line ends unified.</summary>
internal static class SubtitleText
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        try
        {
            return s_strict.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            int at = e.Index >= 0 ? e.Index : 0;
            int line = 1 + bytes[..Math.Min(at, bytes.Length)].Count((byte)'\n');
            throw new SubtitleFormatException($"{name}: line {line}: invalid UTF-8 at byte {at} (subtitle files must be UTF-8)", e);
        }
    }

    /// <summary>Lines split on LF, CRLF or CR (WebVTT allows all three); NUL becomes U+FFFD.</summary>
    public static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var sb = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\r' or '\n')
            {
                lines.Add(sb.ToString());
                sb.Clear();
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                sb.Append(c == '\0' ? '\uFFFD' : c);
            }
        }

        if (sb.Length > 0)
        {
            lines.Add(sb.ToString());
        }

        return lines;
    }
}
