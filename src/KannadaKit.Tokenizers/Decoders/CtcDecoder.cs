using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.Decoders;

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
