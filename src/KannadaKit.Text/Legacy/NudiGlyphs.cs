namespace KannadaKit.Text.Legacy;

/// <summary>
/// The glyph codes of the Nudi/Baraha ANSI Kannada fonts (both use one layout), written from the published facts:
/// the Baraha documentation's vowel, consonant and syllable lists and its sample text, and the vattakshara block
/// (subscript forms in consonant order from 0xCC; ್ಕ 0xCC, ್ನ 0xDF and ್ಯ 0xE5 are attested, the rest follow the order).
/// </summary>
/// <remarks>
/// Only attested forms are listed. Consonant + ಿ is a ligature per consonant and only ಕಿ, ಡಿ and ರಿ are attested; the
/// aspirate consonants (base + s) and the composite ಝ, ಮ, ಯ are attested with the inherent vowel or virama only. Text
/// needing any other form is reported as not expressible rather than guessed.
/// </remarks>
internal static class NudiGlyphs
{
    public const char Talakattu = 'À';   // the inherent-a head stroke
    public const char Virama = 'ï';
    public const char Arkavattu = 'ð';   // ರ್ before a consonant, written after the syllable
    public const char SubscriptFirst = '\u00CC';

    /// <summary>Consonants in the order of the vattakshara block.</summary>
    public const string SubscriptOrder = "ಕಖಗಘಙಚಛಜಝಞಟಠಡಢಣತಥದಧನಪಫಬಭಮಯರಲವಶಷಸಹಳ";

    /// <summary>Independent vowels, anusvara and visarga.</summary>
    public static readonly (string Unicode, string Glyphs)[] Letters =
    [
        ("ಅ", "C"), ("ಆ", "D"), ("ಇ", "E"), ("ಈ", "F"), ("ಉ", "G"), ("ಊ", "H"), ("ಋ", "IÄ"), ("ೠ", "IÆ"),
        ("ಎ", "J"), ("ಏ", "K"), ("ಐ", "L"), ("ಒ", "M"), ("ಓ", "N"), ("ಔ", "O"), ("ಂ", "A"), ("ಃ", "B"),
    ];

    /// <summary>A consonant's glyphs: the bare form (with virama and the signs that replace the head stroke), the form
    /// with the inherent vowel (null when not attested), the ಿ ligature if attested, and whether signs may follow.</summary>
    public sealed record Consonant(string Unicode, string Bare, string? Inherent, string? WithI, bool TakesSigns);

    private static Consonant C(string u, string bare, string? withI = null, string? inherent = null) =>
        new(u, bare, inherent ?? bare + Talakattu, withI, TakesSigns: true);

    private static Consonant Fixed(string u, string bare, string? inherent) => new(u, bare, inherent, null, TakesSigns: false);

    public static readonly Consonant[] Consonants =
    [
        C("ಕ", "P", "Q"), C("ಖ", "S"), C("ಗ", "U"), C("ಘ", "W"), C("ಙ", "Yõ"), C("ಚ", "Z"), C("ಛ", "b"), C("ಜ", "e"),
        Fixed("ಝ", "gÀhi", "gÀhi"), C("ಞ", "kõ"), C("ಟ", "m"), C("ಠ", "o"), C("ಡ", "q", "r"), Fixed("ಢ", "qs", null),
        C("ಣ", "u", inherent: "t"), C("ತ", "v"), C("ಥ", "x"), C("ದ", "z"), Fixed("ಧ", "zs", null), C("ನ", "£"),
        C("ಪ", "¥"), Fixed("ಫ", "¥s", null), C("ಬ", "¨"), Fixed("ಭ", "¨s", null), Fixed("ಮ", "ªÀi", "ªÀi"),
        Fixed("ಯ", "AiÀi", "AiÀi"), C("ರ", "g", "j"), C("ಱ", "¾õ"), C("ಲ", "¯", inherent: "®"), C("ವ", "ª"),
        C("ಶ", "±"), C("ಷ", "µ"), C("ಸ", "¸"), C("ಹ", "º"), C("ಳ", "¼"), C("ೞ", "¿õ"), Fixed("ಫ಼", "¥só", null),
        Fixed("ಜ಼", "eó", null),
    ];

    /// <summary>Vowel signs after the inherent form (talakattu kept) or after the bare form (talakattu replaced).</summary>
    public static readonly (char Sign, bool AfterInherent, string Glyphs)[] Signs =
    [
        ('ಾ', false, "Á"), ('ು', true, "Ä"), ('ೂ', true, "Æ"), ('ೃ', true, "È"), ('ೄ', true, "ñ"), ('ೆ', false, "É"),
        ('ೇ', false, "ÉÃ"), ('ೈ', false, "ÉÊ"), ('ೊ', false, "ÉÆ"), ('ೋ', false, "ÉÆÃ"), ('ೌ', false, "Ë"),
    ];

    /// <summary>Attested whole syllables that the rules above do not give (ಯೋ in Baraha's sample).</summary>
    public static readonly (string Unicode, string Glyphs)[] Syllables = [("ಯೋ", "AiÉÆÃ")];

    /// <summary>ASCII characters that Baraha documents as standing for themselves, plus digits and space.</summary>
    public const string SameInBoth = " 0123456789[]{}()-+*/=|;:.,\"?!%\\~_";

    public static char SubscriptOf(char consonant)
    {
        int i = SubscriptOrder.IndexOf(consonant);
        return i < 0 ? '\0' : (char)(SubscriptFirst + i);
    }
}
