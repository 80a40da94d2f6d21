namespace KannadaKit.Lexicon.Model;

/// <summary>One form of a headword with its grammatical tags.</summary>
/// <param name="Form">The Kannada form.</param>
/// <param name="Tags">Tags such as <c>locative</c>, <c>plural</c>, <c>past participle</c>.</param>
/// <param name="Source">Where the form came from (an import, or computed by the inflector).</param>
public sealed record InflectedForm(string Form, IReadOnlyList<string> Tags, Provenance Source);
