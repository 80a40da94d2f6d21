using System.Buffers;
using System.Text;
using KannadaKit.Tokenizers.Normalizers;

namespace KannadaKit.Tokenizers.SentencePiece;

/// <summary>
/// SentencePiece's own normalizer driver: user-defined symbols first (never normalized), otherwise the longest match
/// in the precompiled map, else the character itself; leading, trailing and repeated white space dropped when asked;
/// a dummy leading space; spaces escaped as ▁. Each output unit remembers its original UTF-16 range.
/// </summary>
internal sealed class SentencePieceNormalizer(SentencePieceModelFile model, IReadOnlyList<string> userDefined)
{
    private const char Escape = '\u2581';
    private readonly PrecompiledCharsMap? _map = model.PrecompiledCharsMap.Length > 4 ? PrecompiledCharsMap.Parse(model.PrecompiledCharsMap) : null;

    public (string Text, int[] Starts, int[] Ends) Normalize(ReadOnlySpan<char> input)
    {
        // The UTF-8 and the UTF-16 index of each byte position are scratch: pooled, returned when done.
        var byteCount = Encoding.UTF8.GetByteCount(input);
        var byteBuffer = ArrayPool<byte>.Shared.Rent(byteCount);
        var indexBuffer = ArrayPool<int>.Shared.Rent(byteCount + 1);
        try
        {
            return Normalize(input, byteBuffer.AsSpan(0, Encoding.UTF8.GetBytes(input, byteBuffer)), indexBuffer.AsSpan(0, byteCount + 1));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(byteBuffer);
            ArrayPool<int>.Shared.Return(indexBuffer);
        }
    }

    private (string Text, int[] Starts, int[] Ends) Normalize(ReadOnlySpan<char> input, ReadOnlySpan<byte> bytes, Span<int> utf16At)
    {
        // UTF-16 index of each byte position (and of the end).
        for (int i = 0, b = 0; i < input.Length;)
        {
            Rune.DecodeFromUtf16(input[i..], out var r, out var w);
            var n = r.Utf8SequenceLength;
            for (var k = 0; k < n; k++)
            {
                utf16At[b + k] = i;
            }

            b += n;
            i += w;
        }

        utf16At[bytes.Length] = input.Length;

        var text = new StringBuilder(input.Length + 4);
        var starts = new List<int>(input.Length + 4);
        var ends = new List<int>(input.Length + 4);
        var space = model.EscapeWhitespaces ? Escape : ' ';
        var pos = 0;
        if (model.RemoveExtraWhitespaces)
        {
            Span<char> lead = stackalloc char[64];
            while (pos < bytes.Length)
            {
                var len = NormalizePrefix(bytes, pos, ref lead, out var written);
                if (written != 1 || lead[0] != ' ')
                {
                    break;
                }

                pos += len;
            }
        }

        if (pos >= bytes.Length)
        {
            return (string.Empty, [], []);
        }

        void Add(char c, int from, int to)
        {
            text.Append(c);
            starts.Add(from);
            ends.Add(to);
        }

        if (model.AddDummyPrefix && !model.TreatWhitespaceAsSuffix)
        {
            Add(space, utf16At[pos], utf16At[pos]);
        }

        var isPrevSpace = model.RemoveExtraWhitespaces;
        Span<char> chars = stackalloc char[64];
        while (pos < bytes.Length)
        {
            var len = NormalizePrefix(bytes, pos, ref chars, out var written);
            var sp = chars[..written];
            var s = 0;
            while (isPrevSpace && s < sp.Length && sp[s] == ' ')
            {
                s++;
            }

            if (s < sp.Length)
            {
                for (var k = s; k < sp.Length; k++)
                {
                    Add(sp[k] == ' ' && model.EscapeWhitespaces ? Escape : sp[k], utf16At[pos], utf16At[pos + len]);
                }

                isPrevSpace = sp[^1] == ' ';
            }

            pos += len;
            if (!model.RemoveExtraWhitespaces)
            {
                isPrevSpace = false;
            }
        }

        if (model.RemoveExtraWhitespaces)
        {
            while (text.Length > 0 && text[^1] == space)
            {
                text.Length--;
                starts.RemoveAt(starts.Count - 1);
                ends.RemoveAt(ends.Count - 1);
            }
        }

        if (model.AddDummyPrefix && model.TreatWhitespaceAsSuffix)
        {
            Add(space, utf16At[bytes.Length], utf16At[bytes.Length]);
        }

        return (text.ToString(), [.. starts], [.. ends]);
    }

    // The user-defined symbols' UTF-8, made once (encoding each at every position cost an array per symbol per character).
    private readonly (string Text, byte[] Utf8)[] _userDefined = [.. userDefined.Select(u => (u, Encoding.UTF8.GetBytes(u)))];

    /// <summary>What the input at byte <paramref name="pos"/> normalizes to, written into <paramref name="output"/>
    /// (grown when a replacement is longer); returns how many input bytes it consumed.</summary>
    private int NormalizePrefix(ReadOnlySpan<byte> bytes, int pos, ref Span<char> output, out int written)
    {
        var rest = bytes[pos..];
        foreach (var (text, utf8) in _userDefined)
        {
            if (rest.StartsWith(utf8))
            {
                written = Write(text, ref output);
                return utf8.Length;
            }
        }

        if (_map is not null && _map.TryMatch(rest, longest: true, out var len, out var offset))
        {
            var replacement = _map.ReplacementBytesAt(offset);
            if (Encoding.UTF8.GetMaxCharCount(replacement.Length) > output.Length)
            {
                output = new char[Encoding.UTF8.GetMaxCharCount(replacement.Length)];
            }

            written = Encoding.UTF8.GetChars(replacement, output);
            return len;
        }

        var status = Rune.DecodeFromUtf8(rest, out var rune, out var consumed);
        if (status != System.Buffers.OperationStatus.Done)
        {
            output[0] = '\uFFFD';
            written = 1;
            return 1;
        }

        written = rune.EncodeToUtf16(output);
        return consumed;
    }

    private static int Write(string text, ref Span<char> output)
    {
        if (text.Length > output.Length)
        {
            output = new char[text.Length];
        }

        text.CopyTo(output);
        return text.Length;
    }
}
