using System.Text.Json;
using KannadaKit.Lexicon.Model;

namespace KannadaKit.Lexicon.Import;

/// <summary>
/// kaikki.org / wiktextract JSON lines. A Kannada record (<c>lang_code</c> "kn") becomes an entry with its senses,
/// examples, etymology templates, IPA, forms and relations; a record of another language contributes the Kannada rows
/// of its <c>translations</c>. A line that is not a JSON object is an error naming the line.
/// </summary>
public sealed class KaikkiReader
{
    private readonly string _path;

    /// <summary>Reads <paramref name="path"/>.</summary>
    public KaikkiReader(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        _path = path;
    }

    /// <summary>The provenance of kaikki facts (Wiktionary's licence).</summary>
    public Provenance Source => new("kaikki", "CC BY-SA 4.0 + GFDL", Path.GetFileName(_path));

    /// <summary>Entries in file order.</summary>
    public IEnumerable<LexiconEntry> Entries(IProgress<double>? progress = null)
    {
        foreach (var (number, line) in SourceLines.Read(_path, progress))
        {
            if (line.Trim().Length == 0)
                continue;
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                throw new LexiconImportException(_path, $"line {number}", $"not a JSON object ({e.Message.Split(" LineNumber", 2)[0].TrimEnd('.')})", e);
            }

            using (doc)
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                    throw new LexiconImportException(_path, $"line {number}", "expected a JSON object per line");
                foreach (var e in FromRecord(doc.RootElement, number))
                    yield return e;
            }
        }
    }

    private IEnumerable<LexiconEntry> FromRecord(JsonElement r, long line)
    {
        string word = Str(r, "word");
        string lang = Str(r, "lang_code");
        string pos = Str(r, "pos");
        if (word.Length == 0)
            throw new LexiconImportException(_path, $"line {line}", "record without a 'word'");
        var prov = Source with { Reference = "https://en.wiktionary.org/wiki/" + Uri.EscapeDataString(word.Replace(' ', '_')) };
        if (lang != "kn")
        {
            foreach (var t in Items(r, "translations"))
            {
                string code = Str(t, "lang_code") is { Length: > 0 } c ? c : Str(t, "code");
                string kn = Str(t, "word");
                if (code == "kn" && WikitextEntryParser.IsKannadaWord(kn))
                    yield return new LexiconEntry(kn) { Senses = [new Sense(pos, word, "", Str(t, "sense"), prov)] };
            }

            yield break;
        }

        if (!WikitextEntryParser.IsKannadaWord(word))
            yield break;
        var senses = new List<Sense>();
        var examples = new List<UsageExample>();
        var relations = new List<Relation>();
        foreach (var s in Items(r, "senses"))
        {
            string gloss = string.Join("; ", Items(s, "glosses").Select(g => g.ValueKind == JsonValueKind.String ? g.GetString()! : "").Where(g => g.Length > 0));
            if (gloss.Length > 0)
                senses.Add(new Sense(pos, gloss, "", Str(s, "qualifier"), prov));
            foreach (var x in Items(s, "examples"))
            {
                string tr = Str(x, "translation") is { Length: > 0 } t ? t : Str(x, "english");
                if (Str(x, "text") is { Length: > 0 } text)
                    examples.Add(new UsageExample(text, tr, prov));
            }

            relations.AddRange(Relations(s, prov));
        }

        relations.AddRange(Relations(r, prov));
        var templates = Items(r, "etymology_templates").Select(t => new EtymologyTemplate(Str(t, "name"), PositionalArgs(t))).Where(t => t.Name.Length > 0).ToList();
        string etym = Str(r, "etymology_text");
        string ipa = Items(r, "sounds").Select(s => Str(s, "ipa")).FirstOrDefault(i => i.Length > 0) ?? "";
        var forms = Items(r, "forms")
            .Select(f => (Form: Str(f, "form"), Tags: Items(f, "tags").Select(t => t.ValueKind == JsonValueKind.String ? t.GetString()! : "").ToList()))
            .Where(f => WikitextEntryParser.IsKannadaWord(f.Form) && f.Form != word && !f.Tags.Contains("canonical") && !f.Tags.Contains("romanization"))
            .Select(f => new InflectedForm(f.Form, f.Tags, prov)).ToList();
        yield return new LexiconEntry(word)
        {
            Senses = senses,
            Examples = examples,
            Relations = [.. relations.DistinctBy(x => (x.Kind, x.Target))],
            Etymologies = etym.Length > 0 || templates.Count > 0 ? [new Etymology(etym, templates, prov)] : [],
            Pronunciation = ipa.Length > 0 ? new Pronunciation("", ipa.Trim('/', '[', ']'), prov) : null,
            Forms = forms,
        };
    }

    private static IEnumerable<Relation> Relations(JsonElement o, Provenance prov)
    {
        foreach (var (key, kind) in new[] { ("synonyms", RelationKind.Synonym), ("antonyms", RelationKind.Antonym), ("derived", RelationKind.Related), ("related", RelationKind.Related) })
        {
            foreach (var x in Items(o, key))
            {
                if (Str(x, "word") is { } w && WikitextEntryParser.IsKannadaWord(w))
                    yield return new Relation(kind, w, prov);
            }
        }
    }

    private static List<string> PositionalArgs(JsonElement t)
    {
        var list = new List<string>();
        if (!t.TryGetProperty("args", out var args) || args.ValueKind != JsonValueKind.Object)
            return list;
        for (int i = 1; args.TryGetProperty(i.ToString(System.Globalization.CultureInfo.InvariantCulture), out var v); i++)
            list.Add(v.ValueKind == JsonValueKind.String ? v.GetString()! : v.ToString());
        return list;
    }

    private static string Str(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static JsonElement.ArrayEnumerator Items(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : default;
}
