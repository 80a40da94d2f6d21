using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PostProcessors;

/// <summary>"ByteLevel" post-processor: only trims the spaces byte-level tokens carry out of their offsets.</summary>
internal sealed class ByteLevelProcessor(bool trimOffsets, bool addPrefixSpace) : PostProcessor
{
    public override List<List<Tok>> Process(List<List<Tok>> sequences, bool addSpecialTokens) =>
        trimOffsets ? Trim(sequences, addPrefixSpace) : sequences;

    internal static List<List<Tok>> Trim(List<List<Tok>> sequences, bool addPrefixSpace)
    {
        var result = new List<List<Tok>>(sequences.Count);
        foreach (var seq in sequences)
        {
            var list = new List<Tok>(seq.Count);
            for (var i = 0; i < seq.Count; i++)
            {
                var t = seq[i];
                var value = t.Value ?? string.Empty;
                var leading = 0;
                while (leading < value.Length && IsSpace(value[leading]))
                {
                    leading++;
                }

                var trailing = 0;
                while (trailing < value.Length && IsSpace(value[value.Length - 1 - trailing]))
                {
                    trailing++;
                }

                var (start, end) = (t.Start, t.End);
                if (leading > 0)
                {
                    var isFirst = i == 0 || start == 0;
                    if (!(isFirst && addPrefixSpace && leading == 1))
                    {
                        start = Math.Min(start + leading, end);
                    }
                }

                if (trailing > 0 && end >= trailing)
                {
                    end = Math.Max(end - trailing, start);
                }

                list.Add(t with { Start = start, End = end });
            }

            result.Add(list);
        }

        return result;
    }

    private static bool IsSpace(char c) => c == 'Ġ' || char.IsWhiteSpace(c);
}
