namespace KannadaKit.Lexicon.Review;

/// <summary>What a contributor sends: checked and normalized by <see cref="LexiconReview.Submit"/>.</summary>
/// <param name="Headword">The entry the proposal is about (it may be new).</param>
/// <param name="Kind">What it adds.</param>
/// <param name="Text">The word, gloss or sentence.</param>
/// <param name="Note">Why: a source, a usage, a reasoning; may be empty.</param>
/// <param name="Contributor">A name to credit; may be empty.</param>
public sealed record ProposalDraft(string Headword, ProposalKind Kind, string Text, string Note = "", string Contributor = "");
