namespace KannadaKit.Lexicon.Store;

/// <summary>Counts over a lexicon.</summary>
/// <param name="Headwords">Entries.</param>
/// <param name="WithOrigin">Entries whose best origin is not unknown.</param>
/// <param name="WithExample">Entries with at least one example sentence.</param>
/// <param name="WithFrequency">Entries with a corpus count.</param>
/// <param name="WithGloss">Entries with an English gloss.</param>
/// <param name="Senses">Senses.</param>
/// <param name="BySource">Facts per source name.</param>
/// <param name="ByOrigin">Entries per origin class name.</param>
public sealed record LexiconStats(long Headwords, long WithOrigin, long WithExample, long WithFrequency, long WithGloss,
    long Senses, IReadOnlyDictionary<string, long> BySource, IReadOnlyDictionary<string, long> ByOrigin);
