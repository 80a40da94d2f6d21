namespace KannadaKit.Testing;

/// <summary>Paths of the shared corpora, relative to ../shared.</summary>
public static class Corpora
{
    /// <summary>Dakshina Kannada Wikipedia sentences, 19,152 lines, 4,999,851 bytes (CC BY-SA 4.0).</summary>
    public const string Wiki5MB = "corpora/dakshina-kn/kn.wiki-valid.5MB.txt";

    /// <summary>The same file after indic_nlp_library 0.92's default Kannada normalizer, line-aligned.</summary>
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
}
