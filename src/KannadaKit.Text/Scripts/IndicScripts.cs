namespace KannadaKit.Text.Scripts;

/// <summary>The Brahmic scripts the normalizer knows, looked up by code point.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public static class IndicScripts
{
    /// <summary>Devanagari, U+0900–U+097F.</summary>
    public static IndicScript Devanagari { get; } = new("Devanagari", "Deva", '\u0900', hasNukta: true, keepsZwjAfterViramaAtWordEnd: false);

    /// <summary>Bengali, U+0980–U+09FF.</summary>
    public static IndicScript Bengali { get; } = new("Bengali", "Beng", '\u0980', hasNukta: true, keepsZwjAfterViramaAtWordEnd: true);

    /// <summary>Gurmukhi, U+0A00–U+0A7F.</summary>
    public static IndicScript Gurmukhi { get; } = new("Gurmukhi", "Guru", '\u0A00', hasNukta: true, keepsZwjAfterViramaAtWordEnd: false);

    /// <summary>Gujarati, U+0A80–U+0AFF.</summary>
    public static IndicScript Gujarati { get; } = new("Gujarati", "Gujr", '\u0A80', hasNukta: true, keepsZwjAfterViramaAtWordEnd: false);

    /// <summary>Odia, U+0B00–U+0B7F.</summary>
    public static IndicScript Odia { get; } = new("Odia", "Orya", '\u0B00', hasNukta: true, keepsZwjAfterViramaAtWordEnd: false);

    /// <summary>Tamil, U+0B80–U+0BFF.</summary>
    public static IndicScript Tamil { get; } = new("Tamil", "Taml", '\u0B80', hasNukta: false, keepsZwjAfterViramaAtWordEnd: false);

    /// <summary>Telugu, U+0C00–U+0C7F.</summary>
    public static IndicScript Telugu { get; } = new("Telugu", "Telu", '\u0C00', hasNukta: true, keepsZwjAfterViramaAtWordEnd: false);

    /// <summary>Kannada, U+0C80–U+0CFF.</summary>
    public static IndicScript Kannada { get; } = new("Kannada", "Knda", '\u0C80', hasNukta: true, keepsZwjAfterViramaAtWordEnd: false);

    /// <summary>Malayalam, U+0D00–U+0D7F.</summary>
    public static IndicScript Malayalam { get; } = new("Malayalam", "Mlym", '\u0D00', hasNukta: false, keepsZwjAfterViramaAtWordEnd: true);

    private static readonly IndicScript[] s_byBlock =
        [Devanagari, Bengali, Gurmukhi, Gujarati, Odia, Tamil, Telugu, Kannada, Malayalam];

    /// <summary>All known scripts in block order.</summary>
    public static IReadOnlyList<IndicScript> All => s_byBlock;

    /// <summary>The script whose block holds <paramref name="c"/>, or null.</summary>
    public static IndicScript? Of(char c)
    {
        uint o = (uint)(c - 0x0900);
        return o < 9 * 0x80u ? s_byBlock[o >> 7] : null;
    }

    /// <summary>True when <paramref name="c"/> is in one of the known Indic blocks.</summary>
    public static bool IsIndic(char c) => (uint)(c - 0x0900) < 9 * 0x80u;

    /// <summary>An Indic letter or mark (the characters that make up words of these scripts).</summary>
    public static bool IsIndicLetterOrMark(char c)
    {
        var s = Of(c);
        return s is not null && (s.IsLetter(c) || s.IsMark(c));
    }
}
