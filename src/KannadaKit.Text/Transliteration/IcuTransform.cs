namespace KannadaKit.Text.Transliteration;

/// <summary>
/// Any ICU transform by its id (<c>Any-Latin</c>, <c>Kannada-Devanagari</c>, <c>Latin-Kannada; NFC</c>, compound ids
/// and filters included), through ICU4N: managed, no native ICU needed.
/// </summary>
/// <remarks>
/// ICU4N carries ICU 60.1 data (Unicode 10): code points assigned later, such as U+0CDD and U+0CF3, pass through
/// unchanged. ICU documents transliterators as safe for concurrent <c>transliterate</c> calls, but this wrapper
/// promises only one thread per instance; create one per thread.
/// </remarks>
public sealed class IcuTransform
{
    private readonly ICU4N.Text.Transliterator _transliterator;

    private IcuTransform(ICU4N.Text.Transliterator transliterator, string id)
    {
        _transliterator = transliterator;
        Id = id;
    }

    /// <summary>The transform id as given.</summary>
    public string Id { get; }

    /// <summary>Creates the transform named <paramref name="id"/>.</summary>
    /// <exception cref="TransliterationException">When ICU has no such transform.</exception>
    public static IcuTransform Create(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        try
        {
            return new IcuTransform(ICU4N.Text.Transliterator.GetInstance(id), id);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new TransliterationException($"ICU transform '{id}' is not available ({e.Message}); 'kannadakit translit --list-icu' lists the ids");
        }
    }

    /// <summary>Every transform id ICU knows, sorted.</summary>
    public static IReadOnlyList<string> AvailableIds() =>
        [.. ICU4N.Text.Transliterator.GetAvailableIDs().Order(StringComparer.Ordinal)];

    /// <summary>Transliterates <paramref name="text"/>.</summary>
    public string Transliterate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? text : _transliterator.Transliterate(text);
    }
}
