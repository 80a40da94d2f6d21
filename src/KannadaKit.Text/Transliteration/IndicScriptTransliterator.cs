using KannadaKit.Text.Scripts;

namespace KannadaKit.Text.Transliteration;

/// <summary>
/// Converts between Kannada and the other Brahmic scripts with ICU's script transliterators (through ICU4N).
/// </summary>
/// <remarks>
/// ICU maps through a common Indic inventory, so what a target script lacks is approximated: Kannada → Devanagari and
/// back is exact except for stray length marks; scripts without short e/o (Bengali, Gujarati, Gurmukhi, Odia) or
/// without aspirates (Tamil) lose them. One instance is for one thread at a time.
/// </remarks>
public sealed class IndicScriptTransliterator : IDisposable
{
    private readonly IcuTransform _icu;

    private IndicScriptTransliterator(IcuTransform icu, IndicScript from, IndicScript to)
    {
        _icu = icu;
        From = from;
        To = to;
    }

    /// <summary>The source script.</summary>
    public IndicScript From { get; }

    /// <summary>The target script.</summary>
    public IndicScript To { get; }

    /// <summary>Creates a transliterator from one script to another.</summary>
    /// <exception cref="TransliterationException">ICU has no such transform.</exception>
    public static IndicScriptTransliterator Create(IndicScript from, IndicScript to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from == to)
            throw new TransliterationException($"'{from.Name}' to itself is not a transliteration");
        return new IndicScriptTransliterator(IcuTransform.Create($"{IcuName(from)}-{IcuName(to)}"), from, to);
    }

    /// <summary>Transliterates <paramref name="text"/>.</summary>
    public string Transliterate(string text) => _icu.Transliterate(text);

    /// <summary>Nothing native is held any more (ICU4N is managed); kept so callers' using blocks stay valid.</summary>
    public void Dispose()
    {
    }

    /// <summary>ICU's name for a script (Odia is still "Oriya" there).</summary>
    internal static string IcuName(IndicScript s) => s == IndicScripts.Odia ? "Oriya" : s.Name;
}
