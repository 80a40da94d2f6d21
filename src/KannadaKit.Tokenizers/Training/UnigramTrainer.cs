using System.Text.Json.Nodes;

namespace KannadaKit.Tokenizers.Training;

/// <summary>Unigram training (placeholder until implemented): refuses clearly rather than produce a bad model.</summary>
internal static class UnigramTrainer
{
    public static JsonObject Train(Dictionary<string, long> words, TrainerOptions options, IProgress<string>? progress) =>
        throw new NotSupportedException("Unigram training is not implemented yet");
}
