using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.Decoders;

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
