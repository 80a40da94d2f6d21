namespace KannadaKit.Lexicon.Search;

/// <summary>The names of <see cref="SearchMode"/> values on the command line and in JSON.</summary>
public static class SearchModes
{
    private static readonly (SearchMode Mode, string Name)[] s_names =
    [
        (SearchMode.Auto, "auto"), (SearchMode.Exact, "exact"), (SearchMode.Prefix, "prefix"), (SearchMode.Substring, "substring"),
        (SearchMode.Fuzzy, "fuzzy"), (SearchMode.Phonetic, "phonetic"), (SearchMode.English, "english"), (SearchMode.Lemma, "lemma"),
    ];

    /// <summary>Every name, in order.</summary>
    public static IEnumerable<string> Names => s_names.Select(n => n.Name);

    /// <summary>The name of a mode.</summary>
    public static string Name(SearchMode m) => s_names.First(n => n.Mode == m).Name;

    /// <summary>The mode of a name, or null when there is none.</summary>
    public static SearchMode? Parse(string? name) =>
        s_names.Where(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)).Select(n => (SearchMode?)n.Mode).FirstOrDefault();
}
