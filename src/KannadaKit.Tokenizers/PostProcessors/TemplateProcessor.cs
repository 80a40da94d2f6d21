using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PostProcessors;

/// <summary>"TemplateProcessing": e.g. [CLS] $A [SEP] $B:1 [SEP]:1.</summary>
internal sealed class TemplateProcessor(
    IReadOnlyList<TemplatePart> single,
    IReadOnlyList<TemplatePart> pair,
    IReadOnlyDictionary<string, (int[] Ids, string[] Tokens)> specials) : PostProcessor
{
    public override List<List<Tok>> Process(List<List<Tok>> sequences, bool addSpecialTokens)
    {
        var template = sequences.Count > 1 ? pair : single;
        var output = new List<Tok>();
        foreach (var part in template)
        {
            if (part.IsSequence)
            {
                var index = part.Name == "B" ? 1 : 0;
                if (index < sequences.Count)
                {
                    foreach (var t in sequences[index])
                    {
                        output.Add(t with { TypeId = part.TypeId });
                    }
                }
            }
            else if (addSpecialTokens)
            {
                var (ids, tokens) = specials[part.Name];
                for (var i = 0; i < ids.Length; i++)
                {
                    output.Add(new Tok(ids[i], tokens[i], 0, 0, part.TypeId, true));
                }
            }
        }

        return One(output);
    }
}
