using Icu;
using KannadaKit.Text.Scripts;

namespace KannadaKit.Text.Transliteration;

/// <summary>
/// Converts between Kannada and the other Brahmic scripts with ICU's script transliterators (through icu.net and the
/// system's libicu).
/// </summary>
/// <remarks>
/// ICU maps through a common Indic inventory, so what a target script lacks is approximated: Kannada → Devanagari and
/// back is exact except for stray length marks; scripts without short e/o (Bengali, Gujarati, Gurmukhi, Odia) or
/// without aspirates (Tamil) lose them. One instance holds native ICU objects and is not thread-safe: create one per
/// thread and dispose it.
/// </remarks>
public sealed class IndicScriptTransliterator : IDisposable
{
    private readonly Transliterator _icu;

    private IndicScriptTransliterator(Transliterator icu, IndicScript from, IndicScript to)
    {
        _icu = icu;
        From = from;
        To = to;
    }

    /// <summary>The source script.</summary>
    public IndicScript From { get; }

    /// <summary>The target script.</summary>
    public IndicScript To { get; }

    /// <summary>Creates a transliterator from one script to another; one of them must be Kannada.</summary>
    /// <exception cref="TransliterationException">ICU is missing or has no such transform.</exception>
    public static IndicScriptTransliterator Create(IndicScript from, IndicScript to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from == to)
            throw new TransliterationException($"'{from.Name}' to itself is not a transliteration");
        string id = $"{IcuName(from)}-{IcuName(to)}";
        try
        {
            return new IndicScriptTransliterator(Transliterator.CreateInstance(id), from, to);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException
                                      or ArgumentException or InvalidOperationException)
        {
            throw new TransliterationException($"ICU transform {id} is not available: {e.Message}", e);
        }
    }

    /// <summary>Transliterates <paramref name="text"/>.</summary>
    public string Transliterate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? text : _icu.Transliterate(text);
    }

    /// <inheritdoc />
    public void Dispose() => _icu.Dispose();

    /// <summary>ICU's name for a script (Odia is still "Oriya" there).</summary>
    private static string IcuName(IndicScript s) => s == IndicScripts.Odia ? "Oriya" : s.Name;
}
