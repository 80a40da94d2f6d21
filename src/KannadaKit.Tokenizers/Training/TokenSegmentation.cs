namespace KannadaKit.Tokenizers.Training;

/// <summary>How a trained byte-level BPE vocabulary turns text into tokens.</summary>
public enum TokenSegmentation
{
    /// <summary>Apply the merges in rank order (classic BPE; the file is a BPE model).</summary>
    Merges,

    /// <summary>
    /// Choose the segmentation with the fewest tokens, ties going to the likelier pieces. The file is a Unigram model
    /// over the BPE vocabulary whose scores are a log-probability minus a per-token cost that outweighs it; any
    /// Hugging Face runtime finds that path with its ordinary Viterbi search.
    /// </summary>
    Shortest,
}
