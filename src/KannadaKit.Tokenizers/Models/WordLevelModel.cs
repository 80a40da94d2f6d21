namespace KannadaKit.Tokenizers.Models;

/// <summary>WordLevel: the whole pre-token is one vocabulary entry, or the unknown token.</summary>
internal sealed class WordLevelModel : TokenModel
{
    private readonly Dictionary<string, int> _vocab;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly string[] _byId;
    private readonly int _unknownId;

    public WordLevelModel(Dictionary<string, int> vocab, string unknownToken)
        : base(cached: false)
    {
        _vocab = vocab;
        _bySpan = vocab.GetAlternateLookup<ReadOnlySpan<char>>();
        _byId = ById(vocab);

        UnknownToken = unknownToken;
        _unknownId = vocab.TryGetValue(unknownToken, out var u) ? u : -1;
    }

    public string UnknownToken { get; }

    public IReadOnlyDictionary<string, int> Vocabulary => _vocab;

    public override int VocabSize => _vocab.Count;

    public override string? IdToToken(int id) => (uint)id < (uint)_byId.Length ? _byId[id] : null;

    public override int? TokenToId(string token) => _vocab.TryGetValue(token, out var id) ? id : null;

    protected override void Encode(ReadOnlySpan<char> piece, List<ModelToken> output)
    {
        if (_bySpan.TryGetValue(piece, out var id))
        {
            output.Add(new ModelToken(id, 0, piece.Length));
        }
        else if (_unknownId >= 0)
        {
            output.Add(new ModelToken(_unknownId, 0, piece.Length));
        }
        else
        {
            throw new TokenizerException($"WordLevel unknown token \"{UnknownToken}\" is not in the vocabulary");
        }
    }
}
