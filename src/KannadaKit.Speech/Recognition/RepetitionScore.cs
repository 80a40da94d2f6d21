using System.IO.Compression;
using System.Text;

namespace KannadaKit.Speech.Recognition;

/// <summary>
/// How repetitive a decoded text is: the deflate compression ratio of its code points written one byte each (low byte of
/// the code point; ASCII unchanged). Whisper's own rule compresses UTF-8, where every Kannada letter is three bytes
/// starting with the same two, so ordinary Kannada looks as repetitive as a loop does in English.
/// </summary>
public static class RepetitionScore
{
    /// <summary>The ratio of the text's length to its compressed length, over code points; 0 for empty text.</summary>
    public static double CodePoints(ReadOnlySpan<char> text)
    {
        var bytes = new List<byte>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            bytes.Add((byte)(rune.Value & 0xFF));
        }

        return Ratio([.. bytes]);
    }

    /// <summary>openai-whisper's measure: UTF-8 bytes over their zlib-compressed length.</summary>
    public static double Utf8(ReadOnlySpan<char> text) => Ratio(Encoding.UTF8.GetBytes(text.ToArray()));

    private static double Ratio(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return 0;
        }

        using var buffer = new MemoryStream();
        using (var z = new ZLibStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            z.Write(bytes);
        }

        return (double)bytes.Length / buffer.Length;
    }
}
