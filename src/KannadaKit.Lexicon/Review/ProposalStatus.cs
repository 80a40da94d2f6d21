namespace KannadaKit.Lexicon.Review;

/// <summary>Where a proposal is in review.</summary>
public enum ProposalStatus
{
    /// <summary>Waiting for a reviewer; not part of the lexicon.</summary>
    Pending,

    /// <summary>Accepted: its fact is in the lexicon under the <c>review</c> source.</summary>
    Accepted,

    /// <summary>Rejected: kept for the record, never in the lexicon.</summary>
    Rejected,
}
