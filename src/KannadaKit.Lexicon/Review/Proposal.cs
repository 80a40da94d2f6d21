namespace KannadaKit.Lexicon.Review;

/// <summary>One queued proposal and its review.</summary>
/// <param name="Id">Its number in the queue.</param>
/// <param name="Draft">What was proposed, normalized.</param>
/// <param name="Status">Pending, accepted or rejected.</param>
/// <param name="Submitted">When it was queued, UTC.</param>
/// <param name="Reviewed">When it was accepted or rejected, UTC; null while pending.</param>
/// <param name="ReviewNote">The reviewer's remark; may be empty.</param>
public sealed record Proposal(long Id, ProposalDraft Draft, ProposalStatus Status, DateTimeOffset Submitted, DateTimeOffset? Reviewed, string ReviewNote);
