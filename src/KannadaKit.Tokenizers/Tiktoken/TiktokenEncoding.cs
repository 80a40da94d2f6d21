namespace KannadaKit.Tokenizers.Tiktoken;

/// <summary>What a tiktoken rank file does not carry: the split pattern and the special tokens of its encoding
/// (OpenAI's published definitions).</summary>
internal sealed record TiktokenEncoding(string Name, int Ranks, string Pattern, IReadOnlyDictionary<string, int> Specials)
{
    private const string Contractions = "(?i:'s|'t|'re|'ve|'m|'ll|'d)";

    public static readonly IReadOnlyDictionary<string, TiktokenEncoding> Known = new Dictionary<string, TiktokenEncoding>(StringComparer.Ordinal)
    {
        ["o200k_base"] = new("o200k_base", 199_998,
            @"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+" + Contractions + "?"
            + @"|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*" + Contractions + "?"
            + @"|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+",
            new Dictionary<string, int> { ["<|endoftext|>"] = 199_999, ["<|endofprompt|>"] = 200_018 }),
        ["cl100k_base"] = new("cl100k_base", 100_256,
            Contractions + @"|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+",
            new Dictionary<string, int>
            {
                ["<|endoftext|>"] = 100_257, ["<|fim_prefix|>"] = 100_258, ["<|fim_middle|>"] = 100_259,
                ["<|fim_suffix|>"] = 100_260, ["<|endofprompt|>"] = 100_276,
            }),
    };

    /// <summary>The encoding named, or the one the file name mentions, or the one with exactly this many ranks.</summary>
    public static TiktokenEncoding? For(string? name, string source, int ranks)
    {
        if (name is not null)
        {
            return Known.GetValueOrDefault(name);
        }
        var file = Path.GetFileName(source);
        return Known.Values.FirstOrDefault(e => file.Contains(e.Name, StringComparison.OrdinalIgnoreCase))
            ?? Known.Values.FirstOrDefault(e => e.Ranks == ranks);
    }
}
