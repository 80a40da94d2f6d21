namespace KannadaKit.Lexicon.Import;

/// <summary>One article from a dump: title, revision and wikitext.</summary>
/// <param name="Title">The page title.</param>
/// <param name="Revision">The revision id, or empty.</param>
/// <param name="Text">The wikitext.</param>
/// <param name="Line">The dump line the page starts on (for messages).</param>
public sealed record WiktionaryPage(string Title, string Revision, string Text, long Line);
