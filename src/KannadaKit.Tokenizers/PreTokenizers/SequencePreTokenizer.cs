using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PreTokenizers;

/// <summary>"Sequence": each step applied to every piece the previous one produced.</summary>
internal sealed class SequencePreTokenizer(IReadOnlyList<PreTokenizer> steps) : PreTokenizer
{
    internal override PreTokenizer DeferFinalByteLevel() =>
        steps.Count == 0 ? this : new SequencePreTokenizer([.. steps.Take(steps.Count - 1), steps[^1].DeferFinalByteLevel()]);

    public override void Split(Piece piece, List<Piece> output, SplitScratch scratch)
    {
        var current = scratch.Rent();
        var next = scratch.Rent();
        current.Add(piece);
        foreach (var step in steps)
        {
            next.Clear();
            foreach (var p in current)
            {
                step.Split(p, next, scratch);
            }

            (current, next) = (next, current);
        }

        output.AddRange(current);
        scratch.Return();
        scratch.Return();
    }
}
