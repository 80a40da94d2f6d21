using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Decoders;
using KannadaKit.Tokenizers.Models;
using KannadaKit.Tokenizers.Pipeline;
using KannadaKit.Tokenizers.PreTokenizers;

namespace KannadaKit.Tokenizers.Tiktoken;

/// <summary>
/// Reads tiktoken rank files (<c>o200k_base.tiktoken</c>, <c>cl100k_base.tiktoken</c>: one <c>base64(bytes) rank</c>
/// per line) into a byte-level BPE tokenizer whose ids are the ranks, as OpenAI's tiktoken and Microsoft.ML.Tokenizers'
/// <c>TiktokenTokenizer</c> encode.
/// </summary>
/// <remarks>
/// tiktoken merges, at each step, the adjacent pair whose concatenation has the lowest rank (the leftmost on ties),
/// after taking a piece that is itself a token whole. That is BPE with one merge for every way of splitting each token
/// into two tokens, ranked by the token they make, and with <c>ignore_merges</c>: how this reader builds it.
/// </remarks>
public static class TiktokenFile
{
    /// <summary>The encodings whose split pattern and special tokens are known, by name.</summary>
    public static IReadOnlyList<string> Encodings => [.. TiktokenEncoding.Known.Keys];

    /// <summary>Loads a rank file; the encoding (split pattern, special tokens) comes from <paramref name="encoding"/>,
    /// else from the file name (<c>o200k_base</c>, <c>cl100k_base</c>), else from the number of ranks.</summary>
    /// <exception cref="TokenizerFormatException">A malformed line (file:line and what was expected), or an unknown encoding.</exception>
    public static HfTokenizer Load(string path, string? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = OpenRead(path);
        return Read(stream, path, encoding);
    }

    /// <summary>Reads a rank file from a stream (<paramref name="source"/> names it in errors).</summary>
    public static HfTokenizer Read(Stream stream, string source, string? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        var ranks = ReadRanks(stream, source);
        var known = TiktokenEncoding.For(encoding, source, ranks.Count)
            ?? throw new TokenizerFormatException(source, "encoding",
                $"unknown{(encoding is null ? "" : $" '{encoding}'")}; pass one of {string.Join(", ", TiktokenEncoding.Known.Keys)}");
        return Build(ranks, known, source);
    }

    private static FileStream OpenRead(string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TokenizerFormatException(path, "file", e.Message);
        }
    }

    /// <summary>Byte-level token string → rank, checked line by line.</summary>
    private static Dictionary<string, int> ReadRanks(Stream stream, string source)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<int>();
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
        var lineNumber = 0;
        var bytes = new byte[1024];
        var symbols = new char[1024];
        string? line;
        while ((line = ReadLine(reader, source, lineNumber + 1)) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || line.IndexOf(' ', space + 1) >= 0)
            {
                throw new TokenizerFormatException(source, $"line {lineNumber}", "expected 'BASE64 RANK'");
            }
            if (!Convert.TryFromBase64Chars(line.AsSpan(0, space), bytes, out var n) || n == 0)
            {
                throw new TokenizerFormatException(source, $"line {lineNumber}", "expected a non-empty base64 token before the space");
            }
            if (!int.TryParse(line.AsSpan(space + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rank)
                || rank >= int.MaxValue - 1024)
            {
                throw new TokenizerFormatException(source, $"line {lineNumber}", "expected a rank from 0 to 2147482623 after the space");
            }
            for (var k = 0; k < n; k++)
            {
                symbols[k] = ByteLevelAlphabet.CharOf(bytes[k]);
            }
            var token = new string(symbols, 0, n);
            if (!ranks.TryAdd(token, rank))
            {
                throw new TokenizerFormatException(source, $"line {lineNumber}", "this token is listed twice");
            }
            if (!seen.Add(rank))
            {
                throw new TokenizerFormatException(source, $"line {lineNumber}", $"rank {rank} is given to two tokens");
            }
        }
        if (ranks.Count == 0)
        {
            throw new TokenizerFormatException(source, "file", "no ranks; expected one 'BASE64 RANK' per line");
        }
        return ranks;
    }

    private static string? ReadLine(StreamReader reader, string source, int lineNumber)
    {
        try
        {
            var line = reader.ReadLine();
            // Base64 lines are short; a long one means this is not a rank file (and keeps memory bounded).
            return line is { Length: > 1400 } ? throw new TokenizerFormatException(source, $"line {lineNumber}", "longer than any 'BASE64 RANK' line") : line;
        }
        catch (DecoderFallbackException)
        {
            throw new TokenizerFormatException(source, $"line {lineNumber}", "invalid UTF-8; expected 'BASE64 RANK'");
        }
    }

    private static HfTokenizer Build(Dictionary<string, int> ranks, TiktokenEncoding encoding, string source)
    {
        // Every split of a token into two tokens is a merge, ranked by the token it makes.
        var lookup = ranks.GetAlternateLookup<ReadOnlySpan<char>>();
        var merges = new List<(string, string)>();
        var mergeRanks = new List<int>();
        foreach (var (token, rank) in ranks.OrderBy(kv => kv.Value))
        {
            for (var k = 1; k < token.Length; k++)
            {
                if (lookup.ContainsKey(token.AsSpan(0, k)) && lookup.ContainsKey(token.AsSpan(k)))
                {
                    merges.Add((token[..k], token[k..]));
                    mergeRanks.Add(rank);
                }
            }
        }
        var options = new BpeOptions(null, null, null, FuseUnknown: false, ByteFallback: false, IgnoreMerges: true);
        var model = new BpeModel(ranks, merges, options,
            (index, token) => new TokenizerFormatException(source, $"merge {index}", $"'{token}' is not a token"), mergeRanks);
        var added = encoding.Specials
            .Where(s => !ranks.ContainsValue(s.Value))
            .Select(s => new AddedToken(s.Value, s.Key, SingleWord: false, LStrip: false, RStrip: false, Normalized: false, Special: true))
            .ToList();
        PreTokenizer split = new SequencePreTokenizer(
        [
            new SplitPreTokenizer(new Regex(encoding.Pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled), SplitBehavior.Isolated, invert: false),
            new ByteLevelPreTokenizer(addPrefixSpace: false, useRegex: false),
        ]);
        return new HfTokenizer(model, null, split, null, new ByteLevelDecoder(), added, source);
    }
}
