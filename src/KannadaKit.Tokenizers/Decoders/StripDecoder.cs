using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.Decoders;

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
