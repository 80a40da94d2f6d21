namespace KannadaKit.Speech.Models;

/// <summary>
/// A model the manifest recommends but cannot download as one checked file: a Hugging Face model the user exports
/// to ONNX on a machine with Python (<see cref="Export"/>), then passes to a command (<see cref="Use"/>).
/// </summary>
public sealed record ModelRecipe(string Name, string Kind, string Source, string Licence, string Description, IReadOnlyList<string> Export, string Use)
{
    /// <summary>What to know before using it (input format, context, quality).</summary>
    public string Notes { get; init; } = "";
}
