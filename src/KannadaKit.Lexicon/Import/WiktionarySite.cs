namespace KannadaKit.Lexicon.Import;

/// <summary>Which Wiktionary a dump comes from; it decides the language and part-of-speech headings looked for.</summary>
public enum WiktionarySite
{
    /// <summary>en.wiktionary: <c>==Kannada==</c> sections and Kannada rows in translation tables.</summary>
    English,

    /// <summary>kn.wiktionary: <c>== ಕನ್ನಡ ==</c> or <c>{{-kn-}}</c> sections with Kannada headings.</summary>
    Kannada,
}
