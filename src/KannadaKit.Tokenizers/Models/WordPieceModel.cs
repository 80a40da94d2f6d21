namespace KannadaKit.Tokenizers.Models;

/// <summary>
/// WordPiece: greedy longest match from the left, later pieces carrying the continuing-subword prefix (##). A word
/// longer than the limit, or one that cannot be covered, becomes a single unknown token.
/// </summary>
internal sealed class WordPieceModel : TokenModel
{
    private readonly Dictionary<string, int> _vocab;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly string[] _byId;
    private readonly int _unknownId;

    public WordPieceModel(Dictionary<string, int> vocab, string unknownToken, string prefix, int maxInputCharsPerWord)
        : base(cached: true)
    {
        _vocab = vocab;
        _bySpan = vocab.GetAlternateLookup<ReadOnlySpan<char>>();
        _byId = ById(vocab);

        UnknownToken = unknownToken;
        Prefix = prefix;
        MaxInputCharsPerWord = maxInputCharsPerWord;
        _unknownId = vocab.TryGetValue(unknownToken, out var u) ? u : -1;
    }

    public string UnknownToken { get; }

    public string Prefix { get; }

    public int MaxInputCharsPerWord { get; }

    public IReadOnlyDictionary<string, int> Vocabulary => _vocab;

    public override int VocabSize => _vocab.Count;

    public override string? IdToToken(int id) => (uint)id < (uint)_byId.Length ? _byId[id] : null;

    public override int? TokenToId(string token) => _vocab.TryGetValue(token, out var id) ? id : null;

    protected override void Encode(ReadOnlySpan<char> word, List<ModelToken> output)
    {
        if (CountCodePoints(word) > MaxInputCharsPerWord)
        {
            AddUnknown(word, output);
            return;
        }

        var first = output.Count;
        Span<char> buffer = stackalloc char[Prefix.Length + word.Length];
        Prefix.AsSpan().CopyTo(buffer);
        for (var start = 0; start < word.Length;)
        {
            var end = word.Length;
            var found = -1;
            while (start < end)
            {
                scoped ReadOnlySpan<char> candidate;
                if (start > 0)
                {
                    word[start..end].CopyTo(buffer[Prefix.Length..]);
                    candidate = buffer[..(Prefix.Length + end - start)];
                }
                else
                {
                    candidate = word[..end];
                }

                if (_bySpan.TryGetValue(candidate, out found))
                {
                    break;
                }

                found = -1;
                end -= end >= 2 && char.IsLowSurrogate(word[end - 1]) && char.IsHighSurrogate(word[end - 2]) ? 2 : 1;
            }

            if (found < 0)
            {
                output.RemoveRange(first, output.Count - first);
                AddUnknown(word, output);
                return;
            }

            output.Add(new ModelToken(found, start, end));
            start = end;
        }
    }

    private void AddUnknown(ReadOnlySpan<char> word, List<ModelToken> output)
    {
        if (_unknownId < 0)
        {
            throw new TokenizerException($"WordPiece unknown token \"{UnknownToken}\" is not in the vocabulary");
        }

        output.Add(new ModelToken(_unknownId, 0, word.Length));
    }

    private static int CountCodePoints(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (!char.IsLowSurrogate(c))
            {
                n++;
            }
        }

        return n;
    }
}
