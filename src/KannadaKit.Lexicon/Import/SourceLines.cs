using System.Text;

namespace KannadaKit.Lexicon.Import;

/// <summary>
/// A text source read line by line as strict UTF-8, each line with its number and NFC-normalized. Lines are split on
/// bytes and decoded one at a time, so invalid UTF-8 is reported at its real line and byte offset; over-long lines are
/// errors too, so nothing half-read reaches the store.
/// </summary>
internal static class SourceLines
{
    public const int MaxLineBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding s_strict = new(false, throwOnInvalidBytes: true);

    public static IEnumerable<(long Number, string Text)> Read(string path, IProgress<double>? progress = null)
    {
        var file = SourceStreams.Open(path, 1 << 16);

        using (file)
        {
            long length = Math.Max(1, file.Length);
            byte[] chunk = new byte[1 << 16];
            var line = new MemoryStream();
            long number = 0, lineStart = 0, offset = 0;
            int n;
            while (true)
            {
                n = file.Read(chunk, 0, chunk.Length);
                int from = 0;
                for (int i = 0; i < n; i++)
                {
                    if (chunk[i] != (byte)'\n')
                        continue;
                    line.Write(chunk, from, i - from);
                    from = i + 1;
                    yield return Decode(path, ++number, lineStart, line);
                    lineStart = offset + i + 1;
                    line.SetLength(0);
                    if (number % 4096 == 0)
                        progress?.Report((double)lineStart / length);
                }

                if (n == 0)
                    break;
                line.Write(chunk, from, n - from);
                if (line.Length > MaxLineBytes)
                    throw new LexiconImportException(path, $"line {number + 1}", $"line longer than {MaxLineBytes / (1024 * 1024)} MB");
                offset += n;
            }

            if (line.Length > 0)
                yield return Decode(path, ++number, lineStart, line);
            progress?.Report(1);
        }
    }

    private static (long, string) Decode(string path, long number, long lineStart, MemoryStream line)
    {
        var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
        if (number == 1 && bytes.StartsWith("\xEF\xBB\xBF"u8))
            bytes = bytes[3..];
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
            bytes = bytes[..^1];
        string text;
        try
        {
            text = s_strict.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            long at = lineStart + Math.Max(0, e.Index);
            throw new LexiconImportException(path, $"line {number}", $"invalid UTF-8 at byte {at} (expected UTF-8 text)", e);
        }

        return (number, text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC));
    }
}
