namespace KannadaKit.Tokenizers.Training;

/// <summary>What <see cref="TokenizerTrainer"/> builds.</summary>
public enum TokenizerKind
{
    /// <summary>Character-level BPE with byte fallback (Llama-2/Gemma style; Metaspace-free, words keep a leading ▁).</summary>
    Bpe,

    /// <summary>Byte-level BPE (GPT-2/Llama-3 style): 256 byte symbols, never an unknown token.</summary>
    ByteLevelBpe,

    /// <summary>Unigram language model with Metaspace (T5/mT5 style).</summary>
    Unigram,

    /// <summary>WordPiece with ## continuations (BERT style).</summary>
    WordPiece,
}
