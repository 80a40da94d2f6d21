namespace KannadaKit.Lexicon.Model;

/// <summary>Where one fact came from and under which licence it may be reused.</summary>
/// <param name="Source">The source's short name: <c>en.wiktionary</c>, <c>kaikki</c>, <c>alar</c>, <c>corpus:NAME</c>,
/// <c>words:NAME</c>, <c>kannadakit</c> (computed here).</param>
/// <param name="Licence">The licence of the fact as published (<c>CC BY-SA 4.0</c>, <c>ODbL 1.0</c>…).</param>
/// <param name="Reference">A page, revision or file the fact can be checked against; empty when none.</param>
public sealed record Provenance(string Source, string Licence, string Reference = "")
{
    /// <summary>Facts this program computes (respelling, romanization, inflection, classification).</summary>
    public static Provenance Computed { get; } = new("kannadakit", "computed", "");
}
