using KannadaKit.Tokenizers;

namespace KannadaKit.Generation;

/// <summary>
/// Turns streamed tokens into text pieces: decodes everything so far and returns what is new, holding text back
/// while it ends in an incomplete character (byte-level tokens can split one Kannada letter across several).
/// </summary>
internal sealed class IncrementalDecoder
{
    private readonly Tokenizer _tokenizer;
    private readonly List<int> _tokens = [];
    private int _emitted;

    public IncrementalDecoder(Tokenizer tokenizer) => _tokenizer = tokenizer;

    public string Add(int token)
    {
        _tokens.Add(token);
        var text = _tokenizer.Decode(_tokens, skipSpecialTokens: true);
        if (text.EndsWith('\uFFFD') || text.Length < _emitted)
        {
            return "";
        }
        var piece = text[_emitted..];
        _emitted = text.Length;
        return piece;
    }
}
