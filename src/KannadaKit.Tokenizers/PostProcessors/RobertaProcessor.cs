using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PostProcessors;

/// <summary>"RobertaProcessing": &lt;s&gt; A &lt;/s&gt; (&lt;/s&gt; B &lt;/s&gt;), all segment ids 0; trims offsets.</summary>
internal sealed class RobertaProcessor((string Token, int Id) sep, (string Token, int Id) cls, bool trimOffsets, bool addPrefixSpace)
    : PostProcessor
{
    public override List<List<Tok>> Process(List<List<Tok>> sequences, bool addSpecialTokens)
    {
        if (trimOffsets)
        {
            sequences = ByteLevelProcessor.Trim(sequences, addPrefixSpace);
        }

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
            if (addSpecialTokens)
            {
                output.Add(new Tok(sep.Id, sep.Token, 0, 0, 0, true));
            }

            output.AddRange(sequences[1].Select(t => t with { TypeId = 0 }));
            if (addSpecialTokens)
            {
                output.Add(new Tok(sep.Id, sep.Token, 0, 0, 0, true));
            }
        }

        return One(output);
    }
}
