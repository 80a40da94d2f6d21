using System.Text.Json.Nodes;

namespace KannadaKit.Tokenizers.Training;

/// <summary>
/// The Kannada-aware pre-tokenization our trainers write into tokenizer.json. Unlike GPT-2/Llama-3 patterns built on
/// \p{L}+, letters and marks (vowel signs, virama, anusvara) and the joiners ZWJ/ZWNJ stay together, so a word is
/// never cut between a consonant and its vowel sign. Written with constructs Oniguruma and .NET read alike.
/// </summary>
internal static class KannadaPreTokenization
{
    private const string Letters = "\\p{L}\\p{M}\u200c\u200d";

    /// <summary>
    /// Split pattern: optional leading space or symbol + letters/marks + at most one trailing '.' or ',' (so a
    /// sentence-final verb ending and its full stop can share a token, as in SentencePiece's whitespace-only
    /// splitting; measured 1.81 → 1.74 tokens per word on FLORES), digit groups, punctuation runs, spaces.
    /// </summary>
    public static readonly string Pattern =
        $"[^\\r\\n{Letters}\\p{{N}}]?[{Letters}]+[.,]?|\\p{{N}}{{1,3}}| ?[^\\s{Letters}\\p{{N}}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

    public static JsonObject Nfc() => new() { ["type"] = "NFC" };

    public static JsonObject Split() => new()
    {
        ["type"] = "Split",
        ["pattern"] = new JsonObject { ["Regex"] = Pattern },
        ["behavior"] = "Isolated",
        ["invert"] = false,
    };

    public static JsonObject ByteLevel(bool addPrefixSpace, bool useRegex) => new()
    {
        ["type"] = "ByteLevel",
        ["add_prefix_space"] = addPrefixSpace,
        ["trim_offsets"] = true,
        ["use_regex"] = useRegex,
    };

    public static JsonObject Metaspace() => new()
    {
        ["type"] = "Metaspace",
        ["replacement"] = "▁",
        ["prepend_scheme"] = "always",
        ["split"] = true,
    };
}
