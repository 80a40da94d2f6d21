namespace KannadaKit.Lexicon.Model;

/// <summary>The stable names of <see cref="OriginClass"/> values, as stored, exported and shown in JSON.</summary>
public static class OriginClasses
{
    private static readonly (OriginClass Class, string Name, string Kannada)[] s_names =
    [
        (OriginClass.Unknown, "unknown", "ತಿಳಿಯದು"),
        (OriginClass.Native, "native", "ಅಚ್ಚಗನ್ನಡ"),
        (OriginClass.Tatsama, "tatsama", "ತತ್ಸಮ"),
        (OriginClass.Tadbhava, "tadbhava", "ತದ್ಭವ"),
        (OriginClass.PersoArabic, "perso-arabic", "ಪಾರಸಿ-ಅರಬಿ"),
        (OriginClass.English, "english", "ಇಂಗ್ಲಿಶ್"),
        (OriginClass.Other, "other", "ಬೇರೆ"),
    ];

    /// <summary>The stored name (<c>native</c>, <c>tatsama</c>…).</summary>
    public static string Name(OriginClass c) => s_names[(int)c].Name;

    /// <summary>The Kannada label for pages.</summary>
    public static string KannadaName(OriginClass c) => s_names[(int)c].Kannada;

    /// <summary>Reads a stored name back; unknown names give <see cref="OriginClass.Unknown"/>.</summary>
    public static OriginClass Parse(string? name)
    {
        foreach (var (c, n, _) in s_names)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }

        return OriginClass.Unknown;
    }
}
