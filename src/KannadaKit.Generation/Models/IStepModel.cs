namespace KannadaKit.Generation.Models;

/// <summary>
/// One decoding step of a model for a set of rows (batch × beams). The search calls <see cref="Step"/> with every
/// row's full sequence: at the first call the given tokens (lengths may differ), then each row longer by exactly one
/// token. Implementations feed only what their cache lacks, or everything when caching is off.
/// </summary>
internal interface IStepModel : IDisposable
{
    /// <summary>Next-token logits of every row, row-major [rows, vocabulary].</summary>
    float[] Step(IReadOnlyList<List<int>> rows, CancellationToken cancellationToken, out int vocabularySize);

    /// <summary>Row r continues from the state of row <c>sources[r]</c> (beam search).</summary>
    void Reorder(int[] sources);
}
