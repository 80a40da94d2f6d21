using System.Text.Json;
using KannadaKit.Lexicon.Ellara;
using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Morphology;
using KannadaKit.Lexicon.Search;
using KannadaKit.Lexicon.Store;
using KannadaKit.Lexicon.Suggestions;

namespace KannadaKit.Lexicon.Json;

/// <summary>
/// The JSON the CLI prints and the web API serves, written in one place so <c>search --json</c> and
/// <c>/api/search</c> cannot drift apart. Field names are snake_case; every fact carries source, licence and reference.
/// </summary>
public static class LexiconJsonWriter
{
    private static readonly JsonWriterOptions s_compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions s_indented = s_compact with { Indented = true };

    /// <summary>Writer options for lexicon JSON: Kannada written as is, not as \u escapes.</summary>
    public static JsonWriterOptions Options(bool indented = false) => indented ? s_indented : s_compact;

    /// <summary>Review-queue proposals as an array, oldest first.</summary>
    public static void WriteProposals(Utf8JsonWriter w, IEnumerable<Review.Proposal> proposals)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(proposals);
        w.WriteStartArray();
        foreach (var p in proposals)
            WriteProposal(w, p);
        w.WriteEndArray();
    }

    /// <summary>One proposal: <c>id</c>, <c>headword</c>, <c>kind</c>, <c>text</c>, <c>note</c>, <c>contributor</c>, <c>status</c>, <c>submitted</c>, <c>reviewed</c>, <c>review_note</c>.</summary>
    public static void WriteProposal(Utf8JsonWriter w, Review.Proposal p)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(p);
        w.WriteStartObject();
        w.WriteNumber("id", p.Id);
        w.WriteString("headword", p.Draft.Headword);
        w.WriteString("kind", Review.ProposalKinds.Name(p.Draft.Kind));
        w.WriteString("text", p.Draft.Text);
        w.WriteString("note", p.Draft.Note);
        w.WriteString("contributor", p.Draft.Contributor);
        w.WriteString("status", Review.LexiconReview.StatusName(p.Status));
        w.WriteString("submitted", Review.LexiconReview.Stamp(p.Submitted));
        if (p.Reviewed is { } r)
            w.WriteString("reviewed", Review.LexiconReview.Stamp(r));
        else
            w.WriteNull("reviewed");
        w.WriteString("review_note", p.ReviewNote);
        w.WriteEndObject();
    }

    /// <summary>Search results as an array, best first.</summary>
    public static void WriteResults(Utf8JsonWriter w, IEnumerable<SearchResult> results)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(results);
        w.WriteStartArray();
        foreach (var r in results)
        {
            w.WriteStartObject();
            w.WriteString("headword", r.Headword);
            w.WriteString("reason", r.Reason);
            w.WriteNumber("score", r.Score);
            w.WriteString("mode", SearchModes.Name(r.Mode));
            w.WriteString("gloss", r.Gloss);
            w.WriteString("origin", r.Origin);
            w.WriteNumber("frequency", r.Frequency);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>One entry with its computed parts (respelling, inflection tables) marked as computed.</summary>
    public static void WriteEntry(Utf8JsonWriter w, LexiconEntry e)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(e);
        w.WriteStartObject();
        w.WriteString("headword", e.Headword);
        w.WriteString("iso15919", e.Pronunciation?.Iso15919 ?? "");
        w.WriteString("ipa", e.Pronunciation?.Ipa ?? "");
        if (e.Pronunciation is { } p)
            Source(w, "ipa_source", p.Source);
        w.WriteString("ellara", new EllaraRespeller(EllaraOptions.Default).Respell(e.Headword));
        w.WriteNumber("frequency", e.TotalFrequency);
        w.WritePropertyName("origin");
        if (e.BestOrigin is { } best)
            Origin(w, best);
        else
            w.WriteNullValue();
        w.WriteStartArray("origins");
        foreach (var o in e.Origins)
            Origin(w, o);
        w.WriteEndArray();
        w.WriteStartArray("senses");
        foreach (var s in e.Senses)
        {
            w.WriteStartObject();
            w.WriteString("pos", s.PartOfSpeech);
            w.WriteString("gloss", s.Gloss);
            w.WriteString("kannada_gloss", s.KannadaGloss);
            w.WriteString("qualifier", s.Qualifier);
            Source(w, "source", s.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("examples");
        foreach (var x in e.Examples)
        {
            w.WriteStartObject();
            w.WriteString("text", x.Text);
            w.WriteString("translation", x.Translation);
            Source(w, "source", x.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("etymologies");
        foreach (var t in e.Etymologies)
        {
            w.WriteStartObject();
            w.WriteString("text", t.Text);
            w.WriteStartArray("templates");
            foreach (var x in t.Templates)
                w.WriteStringValue(x.ToString());
            w.WriteEndArray();
            Source(w, "source", t.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("relations");
        foreach (var r in e.Relations)
        {
            w.WriteStartObject();
            w.WriteString("kind", RelationKinds.Name(r.Kind));
            w.WriteString("word", r.Target);
            Source(w, "source", r.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("forms");
        foreach (var f in e.Forms)
        {
            w.WriteStartObject();
            w.WriteString("form", f.Form);
            w.WriteStartArray("tags");
            foreach (var t in f.Tags)
                w.WriteStringValue(t);
            w.WriteEndArray();
            Source(w, "source", f.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("inflection_tables");
        foreach (var (paradigm, forms) in InflectionTable.For(e))
        {
            w.WriteStartObject();
            w.WriteString("paradigm", Paradigms.Name(paradigm));
            w.WriteBoolean("computed", true);
            w.WriteStartArray("forms");
            foreach (var f in forms)
            {
                w.WriteStartObject();
                w.WriteString("tag", f.Tag);
                w.WriteString("form", f.Form);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("sources");
        foreach (var s in Sources(e))
            Source(w, null, s);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Counts: <c>headwords</c>, <c>with_origin</c>, <c>with_example</c>…</summary>
    public static void WriteStats(Utf8JsonWriter w, LexiconStats s)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(s);
        w.WriteStartObject();
        w.WriteNumber("headwords", s.Headwords);
        w.WriteNumber("with_origin", s.WithOrigin);
        w.WriteNumber("with_example", s.WithExample);
        w.WriteNumber("with_frequency", s.WithFrequency);
        w.WriteNumber("with_gloss", s.WithGloss);
        w.WriteNumber("senses", s.Senses);
        w.WriteStartObject("by_source");
        foreach (var (k, v) in s.BySource)
            w.WriteNumber(k, v);
        w.WriteEndObject();
        w.WriteStartObject("by_origin");
        foreach (var (k, v) in s.ByOrigin)
            w.WriteNumber(k, v);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A suggestion report: <c>{"headword", "kind": "suggestions", "suggestions": […], "top_picks": {…}}</c>.</summary>
    public static void WriteSuggestions(Utf8JsonWriter w, SuggestionReport r)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(r);
        w.WriteStartObject();
        w.WriteString("headword", r.Headword);
        w.WriteString("kind", "suggestions"); // never attested data
        w.WriteStartArray("suggestions");
        foreach (var s in r.Suggestions)
        {
            w.WriteStartObject();
            w.WriteString("word", s.Word);
            w.WriteNumber("score", s.Score);
            w.WriteStartArray("proposals");
            foreach (var p in s.Proposals)
            {
                w.WriteStartObject();
                w.WriteString("rival", p.Rival);
                w.WriteNumber("score", p.Score);
                w.WriteString("reason", p.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("evidence");
            foreach (var e in s.Evidence)
                w.WriteStringValue(e);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("top_picks");
        foreach (var (k, v) in r.TopPicks)
            w.WriteString(k, v);
        w.WriteEndObject();
        w.WriteBoolean("rivals_disagree", r.RivalsDisagree);
        w.WriteStartArray("rivals");
        foreach (var n in r.RivalsHeard)
            w.WriteStringValue(n);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Every distinct source behind an entry's facts, in first-use order.</summary>
    public static IReadOnlyList<Provenance> Sources(LexiconEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        IEnumerable<Provenance> all = [.. e.Senses.Select(s => s.Source), .. e.Examples.Select(x => x.Source), .. e.Origins.Select(o => o.Source),
            .. e.Etymologies.Select(t => t.Source), .. e.Relations.Select(r => r.Source), .. e.Forms.Select(f => f.Source),
            .. e.Frequencies.Select(f => f.Source), .. e.Attestations];
        return [.. all.DistinctBy(p => p.Source).Select(p => p with { Reference = "" })];
    }

    private static void Origin(Utf8JsonWriter w, Origin o)
    {
        w.WriteStartObject();
        w.WriteString("class", OriginClasses.Name(o.Class));
        w.WriteString("class_kn", OriginClasses.KannadaName(o.Class));
        w.WriteNumber("confidence", o.Confidence);
        w.WriteStartArray("evidence");
        foreach (var x in o.Evidence)
            w.WriteStringValue(x);
        w.WriteEndArray();
        Source(w, "source", o.Source);
        w.WriteEndObject();
    }

    private static void Source(Utf8JsonWriter w, string? name, Provenance p)
    {
        if (name is null)
            w.WriteStartObject();
        else
            w.WriteStartObject(name);
        w.WriteString("name", p.Source);
        w.WriteString("licence", p.Licence);
        if (p.Reference.Length > 0)
            w.WriteString("reference", p.Reference);
        w.WriteEndObject();
    }
}
