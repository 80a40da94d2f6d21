namespace KannadaKit.Lexicon.Model;

/// <summary>An origin claim: the class, how sure its source is, and why.</summary>
/// <param name="Class">The origin class.</param>
/// <param name="Confidence">0–1: 1 for an etymology template naming the language, lower for orthographic hints.</param>
/// <param name="Evidence">Human-readable reasons, e.g. <c>aspirate ಭ</c> or <c>{{bor|kn|sa|…}}</c>.</param>
/// <param name="Source">Where the claim came from.</param>
public sealed record Origin(OriginClass Class, double Confidence, IReadOnlyList<string> Evidence, Provenance Source);
