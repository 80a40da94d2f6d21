using KannadaKit.Text.Segmentation;

namespace KannadaKit.Tokenizers;

/// <summary>How a tokenizer cuts a corpus: the figures <c>kannadakit tokenizer stats</c> prints.</summary>
public sealed class TokenizerStatistics
{
    /// <summary>Lines read.</summary>
    public long Lines { get; private set; }

    /// <summary>White-space separated words.</summary>
    public long Words { get; private set; }

    /// <summary>Unicode code points.</summary>
    public long Characters { get; private set; }

    /// <summary>Tokens, special tokens not counted.</summary>
    public long Tokens { get; private set; }

    /// <summary>Aksharas in the text.</summary>
    public long Aksharas { get; private set; }

    /// <summary>Aksharas covered by more than one token.</summary>
    public long SplitAksharas { get; private set; }

    /// <summary>Unknown tokens.</summary>
    public long UnknownTokens { get; private set; }

    /// <summary>Tokens per word (fertility).</summary>
    public double TokensPerWord => Words == 0 ? 0 : (double)Tokens / Words;

    /// <summary>Characters per token.</summary>
    public double CharactersPerToken => Tokens == 0 ? 0 : (double)Characters / Tokens;

    /// <summary>Share of aksharas split across tokens.</summary>
    public double SplitAksharaRate => Aksharas == 0 ? 0 : (double)SplitAksharas / Aksharas;

    /// <summary>Share of tokens that are the unknown token.</summary>
    public double UnknownRate => Tokens == 0 ? 0 : (double)UnknownTokens / Tokens;

    /// <summary>Adds one line.</summary>
    public void Add(Tokenizer tokenizer, string line)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(line);
        Lines++;
        Words += line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        foreach (var c in line)
        {
            if (!char.IsLowSurrogate(c))
            {
                Characters++;
            }
        }

        var encoding = tokenizer.Encode(line, addSpecialTokens: false);
        Tokens += encoding.Count;
        var unk = tokenizer.UnknownTokenId;
        // Coverage count per UTF-16 position: how many distinct tokens touch it.
        var owner = new int[line.Length];
        var shared = new bool[line.Length];
        Array.Fill(owner, -1);
        for (var t = 0; t < encoding.Count; t++)
        {
            if (unk is { } u && encoding.Ids[t] == u)
            {
                UnknownTokens++;
            }

            var (s, e) = encoding.Offsets[t];
            for (var i = Math.Max(0, s); i < Math.Min(e, line.Length); i++)
            {
                if (owner[i] >= 0 && owner[i] != t)
                {
                    shared[i] = true;
                }

                owner[i] = t;
            }
        }

        foreach (var a in KannadaKit.Text.Segmentation.Aksharas.Enumerate(line))
        {
            if (a.Length == 0 || char.IsWhiteSpace(line[a.Start]))
            {
                continue;
            }

            Aksharas++;
            var first = owner[a.Start];
            for (var i = a.Start; i < a.Start + a.Length; i++)
            {
                if (owner[i] != first || shared[i])
                {
                    SplitAksharas++;
                    break;
                }
            }
        }
    }
}
