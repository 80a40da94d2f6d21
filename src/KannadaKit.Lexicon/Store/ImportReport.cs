namespace KannadaKit.Lexicon.Store;

/// <summary>What one import did.</summary>
/// <param name="Source">The source name.</param>
/// <param name="Records">Records read.</param>
/// <param name="NewHeadwords">Headwords that were not in the lexicon before.</param>
/// <param name="UpdatedHeadwords">Headwords that were, and got this source's facts replaced.</param>
public sealed record ImportReport(string Source, long Records, long NewHeadwords, long UpdatedHeadwords);
