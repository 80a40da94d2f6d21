using KannadaKit.Text.Scripts;
using KannadaKit.Text.Transliteration.Romanized;

namespace KannadaKit.Text.Transliteration;

/// <summary>
/// Any supported scheme to any other, through Kannada: the source is read into Kannada (romanization schemes, casual
/// romanized input with a model, other Indic scripts, or an ICU transform <c>icu:ID</c> whose output is Kannada), then
/// written in the target (romanization schemes, other Indic scripts, or <c>icu:ID</c> applied to the Kannada).
/// One instance is for one thread at a time.
/// </summary>
public sealed class TransliterationRoute
{
    /// <summary>The prefix that names an ICU transform id as a scheme (<c>icu:Any-Latin</c>).</summary>
    public const string IcuPrefix = "icu:";

    private static readonly TransliterationScheme[] s_schemes =
    [
        new(["kn", "kannada", "knda"], "Kannada script"),
        new(["iso15919", "iso"], "ISO 15919 (reversible: Latin and ASCII digits of the source come back in {braces})"),
        new(["itrans"], "ITRANS 5.3, Dravidian vowels (e/o short, E/O long)"),
        new(["baraha", "nudi-phonetic"], "Baraha/Nudi phonetic typing (A I U E O long, ^ ZWJ, ^^ ZWNJ)"),
        new(["romanized", "roman", "kanglish"], "casual Latin as people type it (source only; needs a model, see train-romanized)"),
        new(["devanagari", "deva", "hi"], "Devanagari (ICU)"),
        new(["telugu", "telu", "te"], "Telugu (ICU)"),
        new(["tamil", "taml", "ta"], "Tamil (ICU; lossy)"),
        new(["malayalam", "mlym", "ml"], "Malayalam (ICU)"),
        new(["bengali", "beng", "bn"], "Bengali (ICU; lossy)"),
        new(["gujarati", "gujr", "gu"], "Gujarati (ICU; lossy)"),
        new(["gurmukhi", "guru", "pa"], "Gurmukhi (ICU; lossy)"),
        new(["odia", "orya", "oriya", "or"], "Odia (ICU; lossy)"),
        new(["icu:ID"], "any ICU transform by id, e.g. icu:Any-Latin (target: applied to the Kannada; source: must give Kannada)"),
    ];

    private readonly Func<string, string> _toKannada;
    private readonly Func<string, string> _fromKannada;
    private readonly RomanizedDecoder? _decoder;

    private TransliterationRoute(string from, string to, Func<string, string> toKannada, Func<string, string> fromKannada, RomanizedDecoder? decoder)
    {
        From = from;
        To = to;
        _toKannada = toKannada;
        _fromKannada = fromKannada;
        _decoder = decoder;
    }

    /// <summary>Every scheme, in the order to list them.</summary>
    public static IReadOnlyList<TransliterationScheme> Schemes => s_schemes;

    /// <summary>The canonical source scheme.</summary>
    public string From { get; }

    /// <summary>The canonical target scheme.</summary>
    public string To { get; }

    /// <summary>The canonical name of a scheme (any of its names, any case; <c>icu:</c> ids as given), or null.</summary>
    public static string? Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.StartsWith(IcuPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return name.Length > IcuPrefix.Length ? IcuPrefix + name[IcuPrefix.Length..] : null;
        }

        return s_schemes.Take(s_schemes.Length - 1).FirstOrDefault(s => s.Names.Contains(name, StringComparer.OrdinalIgnoreCase))?.Name;
    }

    /// <summary>Creates the route from <paramref name="from"/> to <paramref name="to"/> (scheme names as <see cref="Canonical"/> reads them).</summary>
    /// <exception cref="TransliterationException">An unknown scheme or ICU transform, a romanized target, or a
    /// romanized source without a model.</exception>
    public static TransliterationRoute Create(string from, string to, TransliterationRouteOptions? options = null)
    {
        options ??= new TransliterationRouteOptions();
        var f = Canonical(from) ?? throw Unknown(from);
        var t = Canonical(to) ?? throw Unknown(to);
        if (t == "romanized")
        {
            throw new TransliterationException("casual romanization is only read; write iso15919, itrans or baraha instead");
        }

        RomanizedDecoder? decoder = null;
        if (f == "romanized")
        {
            decoder = new RomanizedDecoder(options.RomanizedModel
                ?? throw new TransliterationException("reading casual romanized text needs a romanized-input model"));
        }

        return new TransliterationRoute(f, t, Reader(f, decoder), Writer(t, options.Plain), decoder);
    }

    /// <summary>Transliterates one line.</summary>
    public string Transliterate(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return _fromKannada(_toKannada(line));
    }

    /// <summary>With a romanized source: the <paramref name="count"/> best readings of one word, best first, each in
    /// the target scheme (empty when the word has none).</summary>
    /// <exception cref="InvalidOperationException">The source is not romanized.</exception>
    public IReadOnlyList<string> Readings(string word, int count)
    {
        ArgumentNullException.ThrowIfNull(word);
        var decoder = _decoder ?? throw new InvalidOperationException("readings come from a romanized source only");
        return [.. decoder.Decode(word.Trim(), count).Select(c => _fromKannada(c.Kannada))];
    }

    private static TransliterationException Unknown(string name) =>
        new($"unknown scheme '{name}'; expected one of {string.Join(", ", s_schemes.Select(s => s.Name))}");

    private static Func<string, string> Reader(string from, RomanizedDecoder? decoder)
    {
        if (from == "kn")
        {
            return s => s;
        }

        if (decoder is not null)
        {
            return decoder.DecodeLine;
        }

        if (from.StartsWith(IcuPrefix, StringComparison.Ordinal))
        {
            return IcuTransform.Create(from[IcuPrefix.Length..]).Transliterate;
        }

        if (Script(from) is { } script)
        {
            return IndicScriptTransliterator.Create(script, IndicScripts.Kannada).Transliterate;
        }

        var scheme = RomanSchemes.Find(from)!;
        return scheme.ToKannada;
    }

    private static Func<string, string> Writer(string to, bool plain)
    {
        if (to == "kn")
        {
            return s => s;
        }

        if (to.StartsWith(IcuPrefix, StringComparison.Ordinal))
        {
            return IcuTransform.Create(to[IcuPrefix.Length..]).Transliterate;
        }

        if (Script(to) is { } script)
        {
            return IndicScriptTransliterator.Create(IndicScripts.Kannada, script).Transliterate;
        }

        var scheme = RomanSchemes.Find(to)!;
        return s => scheme.FromKannada(s, reversible: !plain);
    }

    private static IndicScript? Script(string name) => name switch
    {
        "devanagari" => IndicScripts.Devanagari,
        "telugu" => IndicScripts.Telugu,
        "tamil" => IndicScripts.Tamil,
        "malayalam" => IndicScripts.Malayalam,
        "bengali" => IndicScripts.Bengali,
        "gujarati" => IndicScripts.Gujarati,
        "gurmukhi" => IndicScripts.Gurmukhi,
        "odia" => IndicScripts.Odia,
        _ => null,
    };
}
