namespace KannadaKit.Text.Transliteration;

/// <summary>What a unit of a romanization scheme stands for, which decides how it combines with its neighbours.</summary>
public enum RomanUnitKind
{
    /// <summary>A consonant (or a fixed cluster such as ಕ್ಷ): takes the following vowel as a sign, a virama otherwise.</summary>
    Consonant,

    /// <summary>A vowel: an independent letter, or a vowel sign after a consonant.</summary>
    Vowel,

    /// <summary>Anusvara, visarga, candrabindu and the like: attach to the syllable before them.</summary>
    Mark,

    /// <summary>A digit.</summary>
    Digit,

    /// <summary>Anything else with a spelling in the scheme (avagraha, danda, joiners).</summary>
    Symbol,
}
