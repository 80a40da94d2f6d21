namespace KannadaKit.Text.Transliteration;

/// <summary>A scheme <see cref="TransliterationRoute"/> reads or writes: its names (the first is canonical) and what it is.</summary>
public sealed record TransliterationScheme(IReadOnlyList<string> Names, string Description)
{
    /// <summary>The canonical name.</summary>
    public string Name => Names[0];
}
