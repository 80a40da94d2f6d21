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

    public (string Text, int[] Starts, int[] Ends) Normalize(string input)
    {
        var bytes = Encoding.UTF8.GetBytes(input);
        // UTF-16 index of each byte position (and of the end).
        var utf16At = new int[bytes.Length + 1];
        for (int i = 0, b = 0; i < input.Length;)
        {
            Rune.DecodeFromUtf16(input.AsSpan(i), out var r, out var w);
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
            while (pos < bytes.Length)
            {
                var (sp, len) = NormalizePrefix(bytes, pos);
                if (sp != " ")
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
            starts.Add(utf16At[from]);
            ends.Add(utf16At[to]);
        }

        if (model.AddDummyPrefix && !model.TreatWhitespaceAsSuffix)
        {
            Add(space, pos, pos);
        }

        var isPrevSpace = model.RemoveExtraWhitespaces;
        while (pos < bytes.Length)
        {
            var (sp, len) = NormalizePrefix(bytes, pos);
            var s = 0;
            while (isPrevSpace && s < sp.Length && sp[s] == ' ')
            {
                s++;
            }

            if (s < sp.Length)
            {
                for (var k = s; k < sp.Length; k++)
                {
                    Add(sp[k] == ' ' && model.EscapeWhitespaces ? Escape : sp[k], pos, pos + len);
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
            Add(space, bytes.Length, bytes.Length);
        }

        return (text.ToString(), [.. starts], [.. ends]);
    }

    private (string Normalized, int Consumed) NormalizePrefix(byte[] bytes, int pos)
    {
        var rest = bytes.AsSpan(pos);
        foreach (var symbol in userDefined)
        {
            var sb = Encoding.UTF8.GetBytes(symbol);
            if (rest.StartsWith(sb))
            {
                return (symbol, sb.Length);
            }
        }

        if (_map is not null && _map.TryLongest(rest, out var len, out var replacement))
        {
            return (replacement, len);
        }

        var status = Rune.DecodeFromUtf8(rest, out var rune, out var consumed);
        return status == System.Buffers.OperationStatus.Done ? (rune.ToString(), consumed) : ("\uFFFD", 1);
    }
}
