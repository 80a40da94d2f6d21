using KannadaKit.Text.Scripts;

namespace KannadaKit.Text.Segmentation;

/// <summary>Roles of Indic-block characters in an orthographic syllable.</summary>
internal enum IndicCharClass : byte
{
    /// <summary>Not in a known Indic block.</summary>
    None,

    /// <summary>Consonant letter (may take nukta, virama, vowel signs).</summary>
    Consonant,

    /// <summary>Independent vowel.</summary>
    Vowel,

    /// <summary>Other letter that starts a syllable on its own (avagraha, dead consonant, OM, jihvamuliya).</summary>
    OtherLetter,

    /// <summary>Nukta.</summary>
    Nukta,

    /// <summary>Virama.</summary>
    Virama,

    /// <summary>Dependent sign that closes a syllable: vowel signs, length marks, anusvara, candrabindu, visarga.</summary>
    Sign,

    /// <summary>Digit.</summary>
    Digit,

    /// <summary>Punctuation or symbol in the block (Kannada U+0C84 SIDDHAM).</summary>
    Other,
}
