namespace KannadaKit.Lexicon.Search;

/// <summary>One match.</summary>
/// <param name="Headword">The entry's headword.</param>
/// <param name="Reason">Why it matched, for people (e.g. <c>locative of ಮನೆ</c>, <c>sounds like "kannada"</c>).</param>
/// <param name="Score">Higher is better; results come sorted by it.</param>
/// <param name="Mode">The mode that found it.</param>
/// <param name="Gloss">The first English gloss, or empty.</param>
/// <param name="Origin">The origin class name.</param>
/// <param name="Frequency">The corpus count.</param>
public sealed record SearchResult(string Headword, string Reason, double Score, SearchMode Mode, string Gloss, string Origin, long Frequency);
