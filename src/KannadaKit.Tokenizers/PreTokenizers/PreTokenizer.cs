using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PreTokenizers;

/// <summary>One step of a tokenizer.json "pre_tokenizer": cuts (and may rewrite) pieces into smaller pieces.</summary>
internal abstract class PreTokenizer
{
    /// <summary>Appends the pieces <paramref name="piece"/> becomes to <paramref name="output"/>; empty ones are dropped.</summary>
    public abstract void Split(Piece piece, List<Piece> output, SplitScratch scratch);

    /// <summary>This pre-tokenizer with a final ByteLevel step that tags its pieces (<see cref="Piece.Bytes"/>) instead
    /// of rewriting them; the model converts on a cache miss only. Nothing changes when ByteLevel is not last.</summary>
    internal virtual PreTokenizer DeferFinalByteLevel() => this;
}
