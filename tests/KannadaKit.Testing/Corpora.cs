namespace KannadaKit.Testing;

/// <summary>Paths of the shared corpora, relative to ../shared.</summary>
public static class Corpora
{
    /// <summary>Dakshina Kannada Wikipedia sentences, 19,152 lines, 4,999,851 bytes (CC BY-SA 4.0).</summary>
    public const string Wiki5MB = "corpora/dakshina-kn/kn.wiki-valid.5MB.txt";

    /// <summary>Dakshina training word pairs (native, romanized, count).</summary>
    public const string TranslitTrain = "corpora/dakshina-kn/kn.translit.sampled.train.tsv";

    /// <summary>Dakshina dev word pairs (native, romanized, count); only for tuning and evaluation.</summary>
    public const string TranslitDev = "corpora/dakshina-kn/kn.translit.sampled.dev.tsv";

    /// <summary>Dakshina dev sentences in casual Latin, line-aligned with <see cref="RomanizedDevNative"/>.</summary>
    public const string RomanizedDevRoman = "corpora/dakshina-kn/kn.romanized.rejoined.dev.roman.txt";

    /// <summary>The same sentences in Kannada script.</summary>
    public const string RomanizedDevNative = "corpora/dakshina-kn/kn.romanized.rejoined.dev.native.txt";

    /// <summary>indic_nlp's normalizer output for <see cref="Wiki5MB"/>.</summary>
    public const string Wiki5MBIndicNlp = "corpora/dakshina-kn/kn.wiki-valid.5MB.indicnlp-kn-default.txt";

    /// <summary>Reads a shared text file as lines split on LF only (as Python's readlines does after newline translation).</summary>
    public static string[] ReadLines(string relative)
    {
        string text = File.ReadAllText(SharedData.PathOf(relative));
        if (text.EndsWith('\n'))
        {
            text = text[..^1];
        }

        return text.Split('\n');
    }

    /// <summary>FLORES-200 dev, Kannada (997 lines; not fully NFC).</summary>
    public const string FloresKn = "corpora/flores200/kan_Knda.dev";

    /// <summary>FLORES-200 dev, English, line-aligned with <see cref="FloresKn"/>.</summary>
    public const string FloresEn = "corpora/flores200/eng_Latn.dev";
}
