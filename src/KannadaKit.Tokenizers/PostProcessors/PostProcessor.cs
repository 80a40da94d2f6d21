using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PostProcessors;

/// <summary>A tokenizer.json "post_processor": adds special tokens and segment ids, may adjust offsets.</summary>
internal abstract class PostProcessor
{
    /// <summary>Processes one or two encoded sequences; may merge them into one list.</summary>
    public abstract List<List<Tok>> Process(List<List<Tok>> sequences, bool addSpecialTokens);

    /// <summary>Number of special tokens added to a single sequence.</summary>
    public int AddedTokens(bool pair)
    {
        var sequences = pair ? new List<List<Tok>> { new(), new() } : [new()];
        return Process(sequences, true).Sum(s => s.Count);
    }

    protected static List<List<Tok>> One(List<Tok> tokens) => [tokens];
}
