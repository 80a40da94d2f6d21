using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using KannadaKit.Lexicon.Import;
using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Store;

namespace KannadaKit.Lexicon.Export;

/// <summary>
/// Writes a whole lexicon in one format, entry by entry in headword order. Each format reads back with the matching
/// importer. The wikitext export leaves out facts whose licence cannot go into Wiktionary (ODbL, unknown) and names
/// the sources of what it keeps in each page's edit summary.
/// </summary>
public sealed class LexiconExporter(LexiconStore store)
{
    private readonly LexiconStore _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>Writes every entry to <paramref name="output"/>; returns how many were written.</summary>
    public long Write(ExportFormat format, Stream output, IProgress<long>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var entries = _store.Headwords().ToList().Select(h => _store.Get(h)!);
        long n = 0;
        IEnumerable<LexiconEntry> Counted()
        {
            foreach (var e in entries)
            {
                cancel.ThrowIfCancellationRequested();
                if (++n % 1000 == 0)
                    progress?.Report(n);
                yield return e;
            }
        }

        switch (format)
        {
            case ExportFormat.Kaikki: Kaikki(Counted(), output); break;
            case ExportFormat.Wikitext: Wikitext(Counted(), output); break;
            default: Csv(Counted(), output); break;
        }

        progress?.Report(n);
        return n;
    }

    private static void Kaikki(IEnumerable<LexiconEntry> entries, Stream output)
    {
        var options = Json.LexiconJsonWriter.Options();
        foreach (var e in entries)
        {
            // One record per part of speech, as wiktextract does; an entry without senses is one record with pos "".
            var groups = e.Senses.GroupBy(s => s.PartOfSpeech).Select(g => (Key: g.Key, Senses: g.ToList())).ToList();
            if (groups.Count == 0)
                groups.Add(("", []));
            bool first = true;
            foreach (var g in groups)
            {
                using (var w = new Utf8JsonWriter(output, options))
                {
                    w.WriteStartObject();
                    w.WriteString("word", e.Headword);
                    w.WriteString("lang", "Kannada");
                    w.WriteString("lang_code", "kn");
                    w.WriteString("pos", g.Key);
                    if (first && e.Etymologies.Count > 0 && e.Etymologies[0] is { } etym)
                    {
                        w.WriteString("etymology_text", etym.Text);
                        w.WriteStartArray("etymology_templates");
                        foreach (var t in e.Etymologies.SelectMany(x => x.Templates))
                        {
                            w.WriteStartObject();
                            w.WriteString("name", t.Name);
                            w.WriteStartObject("args");
                            for (int i = 0; i < t.Arguments.Count; i++)
                                w.WriteString((i + 1).ToString(CultureInfo.InvariantCulture), t.Arguments[i]);
                            w.WriteEndObject();
                            w.WriteString("expansion", t.ToString());
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                    }

                    if (e.Pronunciation is { Ipa.Length: > 0 } p)
                    {
                        w.WriteStartArray("sounds");
                        w.WriteStartObject();
                        w.WriteString("ipa", "/" + p.Ipa + "/");
                        w.WriteEndObject();
                        w.WriteEndArray();
                    }

                    w.WriteStartArray("forms");
                    w.WriteStartObject();
                    w.WriteString("form", e.Pronunciation?.Iso15919 ?? "");
                    w.WriteStartArray("tags");
                    w.WriteStringValue("romanization");
                    w.WriteEndArray();
                    w.WriteEndObject();
                    foreach (var f in e.Forms)
                    {
                        w.WriteStartObject();
                        w.WriteString("form", f.Form);
                        w.WriteStartArray("tags");
                        foreach (var t in f.Tags)
                            w.WriteStringValue(t);
                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("senses");
                    var senses = g.Senses;
                    for (int i = 0; i < Math.Max(1, senses.Count); i++)
                    {
                        w.WriteStartObject();
                        if (i < senses.Count)
                        {
                            w.WriteStartArray("glosses");
                            w.WriteStringValue(senses[i].Gloss.Length > 0 ? senses[i].Gloss : senses[i].KannadaGloss);
                            w.WriteEndArray();
                            if (senses[i].Qualifier.Length > 0)
                                w.WriteString("qualifier", senses[i].Qualifier);
                        }

                        if (i == 0 && first)
                        {
                            w.WriteStartArray("examples");
                            foreach (var x in e.Examples)
                            {
                                w.WriteStartObject();
                                w.WriteString("text", x.Text);
                                if (x.Translation.Length > 0)
                                    w.WriteString("translation", x.Translation);
                                w.WriteString("ref", x.Source.Source + (x.Source.Reference.Length > 0 ? " " + x.Source.Reference : ""));
                                w.WriteEndObject();
                            }

                            w.WriteEndArray();
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    foreach (var (key, kind) in new[] { ("synonyms", RelationKind.Synonym), ("antonyms", RelationKind.Antonym), ("related", RelationKind.Related) })
                    {
                        var rel = e.Relations.Where(r => r.Kind == kind).ToList();
                        if (rel.Count == 0)
                            continue;
                        w.WriteStartArray(key);
                        foreach (var r in rel)
                        {
                            w.WriteStartObject();
                            w.WriteString("word", r.Target);
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                    }

                    // Our additions live under one key, so kaikki readers ignore them.
                    w.WriteStartObject("kannadakit");
                    w.WriteString("origin", e.BestOrigin is { } o ? OriginClasses.Name(o.Class) : "unknown");
                    w.WriteNumber("origin_confidence", e.BestOrigin?.Confidence ?? 0);
                    w.WriteNumber("frequency", e.TotalFrequency);
                    w.WriteStartArray("native_equivalents");
                    foreach (var r in e.Relations.Where(r => r.Kind == RelationKind.NativeEquivalent))
                        w.WriteStringValue(r.Target);
                    w.WriteEndArray();
                    w.WriteStartArray("sources");
                    foreach (var s in Json.LexiconJsonWriter.Sources(e))
                        w.WriteStringValue($"{s.Source} ({s.Licence})");
                    w.WriteEndArray();
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                output.WriteByte((byte)'\n');
                first = false;
            }
        }
    }

    private static void Wikitext(IEnumerable<LexiconEntry> entries, Stream output)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false };
        using var x = XmlWriter.Create(output, settings);
        x.WriteStartElement("mediawiki", "http://www.mediawiki.org/xml/export-0.10/");
        x.WriteAttributeString("version", "0.10");
        x.WriteAttributeString("xml", "lang", null, "en");
        x.WriteStartElement("siteinfo");
        x.WriteElementString("sitename", "Wiktionary");
        x.WriteElementString("dbname", "enwiktionary");
        x.WriteEndElement();
        foreach (var e in entries)
        {
            var kept = Contributable(e);
            x.WriteStartElement("page");
            x.WriteElementString("title", e.Headword);
            x.WriteElementString("ns", "0");
            x.WriteStartElement("revision");
            x.WriteElementString("comment", "Kannada entry from KannadaKit; sources: "
                + string.Join(", ", Json.LexiconJsonWriter.Sources(kept).Select(s => $"{s.Source} ({s.Licence})")));
            x.WriteElementString("model", "wikitext");
            x.WriteElementString("format", "text/x-wiki");
            x.WriteStartElement("text");
            x.WriteAttributeString("xml", "space", null, "preserve");
            x.WriteString(WikitextWriter.Page(kept));
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteEndElement();
        }

        x.WriteEndElement();
    }

    /// <summary>The entry without facts whose licence Wiktionary (CC BY-SA) cannot take.</summary>
    private static LexiconEntry Contributable(LexiconEntry e)
    {
        static bool Ok(Provenance p) => !p.Licence.Contains("ODbL", StringComparison.OrdinalIgnoreCase) && p.Licence != "unknown";
        return e with
        {
            Senses = [.. e.Senses.Where(s => Ok(s.Source))],
            Examples = [.. e.Examples.Where(s => Ok(s.Source))],
            Etymologies = [.. e.Etymologies.Where(s => Ok(s.Source))],
            Relations = [.. e.Relations.Where(s => Ok(s.Source))],
            Forms = [.. e.Forms.Where(s => Ok(s.Source))],
            Origins = [.. e.Origins.Where(s => Ok(s.Source))],
            Frequencies = [.. e.Frequencies.Where(s => Ok(s.Source))],
            Attestations = [.. e.Attestations.Where(Ok)],
        };
    }

    private static void Csv(IEnumerable<LexiconEntry> entries, Stream output)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        w.WriteLine(string.Join(',', CsvLexiconReader.Columns));
        foreach (var e in entries)
        {
            var example = e.Examples.Count > 0 ? e.Examples[0] : null;
            string[] row =
            [
                e.Headword,
                e.Senses.Select(s => s.PartOfSpeech).FirstOrDefault(p => p.Length > 0) ?? "",
                string.Join("; ", e.Senses.Select(s => s.Gloss).Where(g => g.Length > 0).Distinct()),
                string.Join("; ", e.Senses.Select(s => s.KannadaGloss).Where(g => g.Length > 0).Distinct()),
                example?.Text ?? "",
                example?.Translation ?? "",
                e.BestOrigin is { } o ? OriginClasses.Name(o.Class) : "",
                string.Join('|', e.Relations.Where(r => r.Kind == RelationKind.Synonym).Select(r => r.Target)),
                string.Join('|', e.Relations.Where(r => r.Kind == RelationKind.NativeEquivalent).Select(r => r.Target)),
                e.Pronunciation?.Source.Source == Provenance.Computed.Source ? "" : e.Pronunciation?.Ipa ?? "",
            ];
            w.WriteLine(string.Join(',', row.Select(f => CsvFields.Quote(f.Replace("\r", "", StringComparison.Ordinal)))));
        }
    }
}
