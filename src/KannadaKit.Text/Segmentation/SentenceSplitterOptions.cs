namespace KannadaKit.Text.Segmentation;

/// <summary>Options of <see cref="SentenceSplitter"/>; immutable.</summary>
public sealed record SentenceSplitterOptions
{
    /// <summary>Defaults: blank lines end sentences, single line breaks do not.</summary>
    public static SentenceSplitterOptions Default { get; } = new();

    /// <summary>Treat every line break as a sentence boundary (for text with one sentence or heading per line).</summary>
    public bool LineBreaksAreBoundaries { get; init; }

    /// <summary>More abbreviations (written without their final full stop, e.g. "ಮ.ನಂ").</summary>
    public IReadOnlyCollection<string> ExtraAbbreviations { get; init; } = [];
}
