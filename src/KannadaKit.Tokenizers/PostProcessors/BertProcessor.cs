using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PostProcessors;

/// <summary>"BertProcessing": [CLS] A [SEP] (B [SEP]), B with segment id 1.</summary>
internal sealed class BertProcessor((string Token, int Id) sep, (string Token, int Id) cls) : PostProcessor
{
    public override List<List<Tok>> Process(List<List<Tok>> sequences, bool addSpecialTokens)
    {
        var output = new List<Tok>();
        if (addSpecialTokens)
        {
            output.Add(new Tok(cls.Id, cls.Token, 0, 0, 0, true));
        }

        output.AddRange(sequences[0].Select(t => t with { TypeId = 0 }));
        if (addSpecialTokens)
        {
            output.Add(new Tok(sep.Id, sep.Token, 0, 0, 0, true));
        }

        if (sequences.Count > 1)
        {
            output.AddRange(sequences[1].Select(t => t with { TypeId = 1 }));
            if (addSpecialTokens)
            {
                output.Add(new Tok(sep.Id, sep.Token, 0, 0, 1, true));
            }
        }

        return One(output);
    }
}
