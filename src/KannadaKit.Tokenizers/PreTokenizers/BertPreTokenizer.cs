using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PreTokenizers;

/// <summary>"BertPreTokenizer": split on white space (dropped), then isolate each punctuation character.</summary>
internal sealed class BertPreTokenizer : PreTokenizer
{
    private static readonly WhitespaceSplitPreTokenizer s_whitespace = new();
    private static readonly PunctuationPreTokenizer s_punctuation = new(SplitBehavior.Isolated);

    public override void Split(Piece piece, List<Piece> output, SplitScratch scratch)
    {
        var words = scratch.Rent();
        s_whitespace.Split(piece, words, scratch);
        foreach (var w in words)
        {
            s_punctuation.Split(w, output, scratch);
        }

        scratch.Return();
    }
}
