using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PostProcessors;

/// <summary>"Sequence": processors applied in order, each to what the previous returned.</summary>
internal sealed class SequenceProcessor(IReadOnlyList<PostProcessor> steps) : PostProcessor
{
    public override List<List<Tok>> Process(List<List<Tok>> sequences, bool addSpecialTokens)
    {
        foreach (var step in steps)
        {
            sequences = step.Process(sequences, addSpecialTokens);
        }

        return sequences;
    }
}
