using Microsoft.ML.Tokenizers;

namespace KannadaKit.Tokenizers;

/// <summary>Everything an encoding yields, aligned by position.</summary>
public sealed class TokenEncoding
{
    internal TokenEncoding(int[] ids, string[] tokens, (int Start, int End)[] offsets, int[] typeIds, bool[] special)
    {
        Ids = ids;
        Tokens = tokens;
        Offsets = offsets;
        TypeIds = typeIds;
        SpecialTokensMask = special;
    }

    /// <summary>Token ids.</summary>
    public IReadOnlyList<int> Ids { get; }

    /// <summary>Token strings.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>UTF-16 ranges into the original text (for a pair, into the text each token came from).</summary>
    public IReadOnlyList<(int Start, int End)> Offsets { get; }

    /// <summary>Segment ids from the post-processor (0 for the first sequence, usually 1 for the second).</summary>
    public IReadOnlyList<int> TypeIds { get; }

    /// <summary>True where the post-processor inserted a special token.</summary>
    public IReadOnlyList<bool> SpecialTokensMask { get; }

    /// <summary>Number of tokens.</summary>
    public int Count => Ids.Count;

    /// <summary>The tokens with their ids, vocabulary strings and UTF-16 ranges in the original text (not the
    /// normalized one); added special tokens have an empty range.</summary>
    public IReadOnlyList<EncodedToken> ToTokens()
    {
        var list = new EncodedToken[Ids.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = new EncodedToken(Ids[i], Tokens[i], new Range(Offsets[i].Start, Offsets[i].End));
        }

        return list;
    }
}
