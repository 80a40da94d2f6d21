namespace KannadaKit.Lexicon.Model;

/// <summary>A link from an entry to another word.</summary>
/// <param name="Kind">The relation.</param>
/// <param name="Target">The other word (Kannada, or a source-language form for <see cref="RelationKind.DerivedFrom"/>).</param>
/// <param name="Source">Where the link came from.</param>
public sealed record Relation(RelationKind Kind, string Target, Provenance Source);
