namespace KannadaKit.Lexicon.Model;

/// <summary>How one headword points at another word.</summary>
public enum RelationKind
{
    /// <summary>Same meaning.</summary>
    Synonym,

    /// <summary>An attested native (ಅಚ್ಚಗನ್ನಡ) word for the same meaning.</summary>
    NativeEquivalent,

    /// <summary>The word this one is derived from (a root, a source-language etymon).</summary>
    DerivedFrom,

    /// <summary>Opposite meaning.</summary>
    Antonym,

    /// <summary>Related by form or meaning.</summary>
    Related,
}
