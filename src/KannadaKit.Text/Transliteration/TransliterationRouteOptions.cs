using KannadaKit.Text.Transliteration.Romanized;

namespace KannadaKit.Text.Transliteration;

/// <summary>Settings of a <see cref="TransliterationRoute"/>.</summary>
public sealed record TransliterationRouteOptions
{
    /// <summary>Latin targets: no {braces} around Latin text of the source (readable, not reversible).</summary>
    public bool Plain { get; init; }

    /// <summary>The model that reads casual romanized input; needed when the source is <c>romanized</c>.</summary>
    public RomanizedModel? RomanizedModel { get; init; }
}
