using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.Decoders;

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
