namespace KannadaKit.Lexicon.Import;

/// <summary>Limits for reading a dump.</summary>
public sealed record WiktionaryDumpOptions
{
    /// <summary>Defaults: pages up to 8 M characters (en.wiktionary's largest pages are a few MB).</summary>
    public static WiktionaryDumpOptions Default { get; } = new();

    /// <summary>A page's wikitext longer than this is an error, not a silent skip: the dump is not what it claims.</summary>
    public int MaxPageChars { get; init; } = 8 * 1024 * 1024;

    /// <summary>The site, when the dump's <c>dbname</c> should not decide it.</summary>
    public WiktionarySite? Site { get; init; }
}
