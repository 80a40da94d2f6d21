using System.Text;

namespace KannadaKit.Tokenizers.Models;

/// <summary>Settings of a BPE model (tokenizer.json "model" with type "BPE").</summary>
internal sealed record BpeOptions(
    string? UnknownToken,
    string? ContinuingSubwordPrefix,
    string? EndOfWordSuffix,
    bool FuseUnknown,
    bool ByteFallback,
    bool IgnoreMerges);
