namespace KannadaKit.Text.Transliteration.Romanized;

/// <summary>The role of a native symbol in the romanized-input model.</summary>
internal enum SymbolKind : byte
{
    /// <summary>Word start or end.</summary>
    Boundary,

    /// <summary>A consonant, with nukta if any, or a doubled consonant (ನ್ನ): always followed by a vowel part.</summary>
    Consonant,

    /// <summary>What follows a consonant: the inherent a, a vowel sign or the virama.</summary>
    VowelPart,

    /// <summary>An independent vowel.</summary>
    Vowel,

    /// <summary>Anusvara, visarga, joiners and other Kannada characters.</summary>
    Other,
}
