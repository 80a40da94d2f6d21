using System.Text;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.Normalizers;

/// <summary>"Sequence": normalizers applied in order.</summary>
internal sealed class SequenceNormalizer(IReadOnlyList<Normalizer> steps) : Normalizer
{
    public override AlignedText Normalize(AlignedText input)
    {
        foreach (var step in steps)
        {
            input = step.Normalize(input);
        }

        return input;
    }
}
