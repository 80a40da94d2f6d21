using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.Decoders;

/// <summary>"Replace": a literal or regex replaced in each token.</summary>
internal sealed class ReplaceDecoder(Regex pattern, string content) : Decoder
{
    public override List<string> DecodeChain(List<string> tokens)
    {
        var replacement = content.Replace("$", "$$", StringComparison.Ordinal);
        try
        {
            return tokens.ConvertAll(t => pattern.Replace(t, replacement));
        }
        catch (RegexMatchTimeoutException e)
        {
            throw PreTokenizers.OnigurumaRegex.TimedOut(pattern, e);
        }
    }
}
