namespace KannadaKit.Lexicon.Review;

/// <summary>What a proposal adds to an entry once a reviewer accepts it.</summary>
public enum ProposalKind
{
    /// <summary>A native (ಅಚ್ಚಗನ್ನಡ) word that says the same; the text is one Kannada word.</summary>
    NativeEquivalent,

    /// <summary>An English gloss.</summary>
    Gloss,

    /// <summary>A Kannada gloss (a definition in Kannada).</summary>
    KannadaGloss,

    /// <summary>A Kannada sentence using the word.</summary>
    Example,
}
