using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.Decoders;

/// <summary>A tokenizer.json "decoder": rewrites the token strings; the results are concatenated.</summary>
internal abstract class Decoder
{
    public abstract List<string> DecodeChain(List<string> tokens);
}

/// <summary>"Sequence": decoders chained.</summary>
internal sealed class SequenceDecoder(IReadOnlyList<Decoder> steps) : Decoder
{
    public override List<string> DecodeChain(List<string> tokens)
    {
        foreach (var step in steps)
        {
            tokens = step.DecodeChain(tokens);
        }

        return tokens;
    }
}

/// <summary>"ByteLevel": printable byte stand-ins back to bytes, then UTF-8 (invalid sequences become U+FFFD).</summary>
internal sealed class ByteLevelDecoder : Decoder
{
    public override List<string> DecodeChain(List<string> tokens)
    {
        var bytes = new List<byte>();
        foreach (var token in tokens)
        {
            var all = true;
            foreach (var c in token)
            {
                if (!ByteLevelAlphabet.TryGetByte(c, out _))
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                foreach (var c in token)
                {
                    ByteLevelAlphabet.TryGetByte(c, out var b);
                    bytes.Add(b);
                }
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(token));
            }
        }

        return [Encoding.UTF8.GetString([.. bytes])];
    }
}

/// <summary>"ByteFallback": runs of &lt;0xHH&gt; tokens back to text; an invalid run gives one U+FFFD per byte.</summary>
internal sealed class ByteFallbackDecoder : Decoder
{
    private static readonly UTF8Encoding s_strict = new(false, true);

    public override List<string> DecodeChain(List<string> tokens)
    {
        var output = new List<string>(tokens.Count);
        var pending = new List<byte>();
        foreach (var token in tokens)
        {
            if (token.Length == 6 && token.StartsWith("<0x", StringComparison.Ordinal) && token[5] == '>'
                && byte.TryParse(token.AsSpan(3, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var b))
            {
                pending.Add(b);
                continue;
            }

            Flush(pending, output);
            output.Add(token);
        }

        Flush(pending, output);
        return output;
    }

    private static void Flush(List<byte> pending, List<string> output)
    {
        if (pending.Count == 0)
        {
            return;
        }

        try
        {
            output.Add(s_strict.GetString([.. pending]));
        }
        catch (DecoderFallbackException)
        {
            for (var i = 0; i < pending.Count; i++)
            {
                output.Add("\uFFFD");
            }
        }

        pending.Clear();
    }
}

/// <summary>"Fuse": all tokens into one string.</summary>
internal sealed class FuseDecoder : Decoder
{
    public override List<string> DecodeChain(List<string> tokens) => [string.Concat(tokens)];
}

/// <summary>"Strip": removes up to <c>start</c> leading and <c>stop</c> trailing copies of a character per token.</summary>
internal sealed class StripDecoder(char content, int start, int stop) : Decoder
{
    public override List<string> DecodeChain(List<string> tokens)
    {
        var output = new List<string>(tokens.Count);
        foreach (var token in tokens)
        {
            var s = 0;
            while (s < start && s < token.Length && token[s] == content)
            {
                s++;
            }

            var e = token.Length;
            var removed = 0;
            while (removed < stop && e > s && token[e - 1] == content)
            {
                e--;
                removed++;
            }

            output.Add(token[s..e]);
        }

        return output;
    }
}

/// <summary>"Replace": a literal or regex replaced in each token.</summary>
internal sealed class ReplaceDecoder(Regex pattern, string content) : Decoder
{
    public override List<string> DecodeChain(List<string> tokens) =>
        tokens.ConvertAll(t => pattern.Replace(t, content.Replace("$", "$$", StringComparison.Ordinal)));
}

/// <summary>"Metaspace": the replacement character back to spaces; in the first token it is dropped unless the scheme is never.</summary>
internal sealed class MetaspaceDecoder(char replacement, bool dropInFirst) : Decoder
{
    public override List<string> DecodeChain(List<string> tokens)
    {
        var output = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var sb = new StringBuilder(tokens[i].Length);
            foreach (var c in tokens[i])
            {
                if (c != replacement)
                {
                    sb.Append(c);
                }
                else if (!(i == 0 && dropInFirst))
                {
                    sb.Append(' ');
                }
            }

            output.Add(sb.ToString());
        }

        return output;
    }
}

/// <summary>"WordPiece": joins continuation pieces, spaces before the others, optional English clean-up.</summary>
internal sealed class WordPieceDecoder(string prefix, bool cleanup) : Decoder
{
    public override List<string> DecodeChain(List<string> tokens)
    {
        var output = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (i != 0)
            {
                token = token.StartsWith(prefix, StringComparison.Ordinal) ? token[prefix.Length..] : " " + token;
            }

            output.Add(cleanup ? Cleanup(token) : token);
        }

        return output;
    }

    internal static string Cleanup(string s) => s.Replace(" .", ".", StringComparison.Ordinal)
        .Replace(" ?", "?", StringComparison.Ordinal).Replace(" !", "!", StringComparison.Ordinal)
        .Replace(" ,", ",", StringComparison.Ordinal).Replace(" ' ", "'", StringComparison.Ordinal)
        .Replace(" n't", "n't", StringComparison.Ordinal).Replace(" 'm", "'m", StringComparison.Ordinal)
        .Replace(" do not", " don't", StringComparison.Ordinal).Replace(" 's", "'s", StringComparison.Ordinal)
        .Replace(" 've", "'ve", StringComparison.Ordinal).Replace(" 're", "'re", StringComparison.Ordinal);
}

/// <summary>"BPEDecoder": the end-of-word suffix becomes a space (nothing after the last token).</summary>
internal sealed class BpeSuffixDecoder(string suffix) : Decoder
{
    public override List<string> DecodeChain(List<string> tokens)
    {
        var output = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            output.Add(tokens[i].Replace(suffix, i == tokens.Count - 1 ? string.Empty : " ", StringComparison.Ordinal));
        }

        return output;
    }
}

/// <summary>"CTC": collapse repeats, drop the pad token, word delimiter to space.</summary>
internal sealed class CtcDecoder(string padToken, string wordDelimiter, bool cleanup) : Decoder
{
    public override List<string> DecodeChain(List<string> tokens)
    {
        var output = new List<string>();
        string? previous = null;
        foreach (var token in tokens)
        {
            if (token == previous)
            {
                continue;
            }

            previous = token;
            var replaced = token.Replace(padToken, string.Empty, StringComparison.Ordinal);
            if (cleanup)
            {
                replaced = WordPieceDecoder.Cleanup(replaced).Replace(wordDelimiter, " ", StringComparison.Ordinal);
            }

            if (replaced.Length > 0)
            {
                output.Add(replaced);
            }
        }

        return output;
    }
}
