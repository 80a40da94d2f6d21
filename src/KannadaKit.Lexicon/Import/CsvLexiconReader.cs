using KannadaKit.Lexicon.Model;

namespace KannadaKit.Lexicon.Import;

/// <summary>
/// CSV (RFC 4180, UTF-8) with a header row. Known columns: <c>headword</c> (required), <c>pos</c>, <c>gloss</c>,
/// <c>kannada_gloss</c>, <c>example</c>, <c>example_translation</c>, <c>origin</c> (a class name), <c>synonyms</c> and
/// <c>native_equivalents</c> (separated by <c>|</c>), <c>ipa</c>. The same columns <c>lexicon export --format csv</c>
/// writes, so an export imports back. Unknown columns are an error: a misspelt header would otherwise drop data silently.
/// </summary>
public sealed class CsvLexiconReader
{
    /// <summary>The columns, in export order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["headword", "pos", "gloss", "kannada_gloss", "example", "example_translation", "origin", "synonyms", "native_equivalents", "ipa"];

    private readonly string _path;
    private readonly string _licence;

    /// <summary>Reads <paramref name="path"/>, whose rows are under <paramref name="licence"/>.</summary>
    public CsvLexiconReader(string path, string licence = "unknown")
    {
        ArgumentNullException.ThrowIfNull(path);
        _path = path;
        _licence = licence;
    }

    /// <summary>The provenance: <c>csv:FILE</c>.</summary>
    public Provenance Source => new("csv:" + Path.GetFileNameWithoutExtension(_path), _licence, Path.GetFileName(_path));

    /// <summary>One entry per row.</summary>
    public IEnumerable<LexiconEntry> Entries(IProgress<double>? progress = null)
    {
        Dictionary<string, int>? index = null;
        string pending = "";
        long start = 0;
        foreach (var (number, line) in SourceLines.Read(_path, progress))
        {
            string record = pending.Length > 0 ? pending + "\n" + line : line;
            if (pending.Length == 0)
                start = number;
            var fields = CsvFields.Split(record, out bool open);
            if (open)
            {
                pending = record;
                continue;
            }

            pending = "";
            if (index is null)
            {
                index = Header(fields, start);
                continue;
            }

            if (fields.All(f => f.Trim().Length == 0))
                continue;
            if (fields.Count != index.Count)
                throw new LexiconImportException(_path, $"line {start}", $"{fields.Count} fields where the header has {index.Count}");
            string Get(string column) => index.TryGetValue(column, out int i) ? fields[i].Trim() : "";
            string headword = Get("headword");
            if (!WikitextEntryParser.IsKannadaWord(headword))
                throw new LexiconImportException(_path, $"line {start}", $"headword \"{WordListReader.Clip(headword)}\" is not a Kannada word");
            var prov = Source with { Reference = $"{Path.GetFileName(_path)}:{start}" };
            string origin = Get("origin");
            var originClass = OriginClasses.Parse(origin);
            if (origin.Length > 0 && originClass == OriginClass.Unknown && !origin.Equals("unknown", StringComparison.OrdinalIgnoreCase))
                throw new LexiconImportException(_path, $"line {start}", $"origin \"{WordListReader.Clip(origin)}\" is not one of native, tatsama, tadbhava, perso-arabic, english, other, unknown");
            string gloss = Get("gloss"), knGloss = Get("kannada_gloss"), example = Get("example"), ipa = Get("ipa");
            yield return new LexiconEntry(headword)
            {
                Senses = gloss.Length + knGloss.Length > 0 ? [new Sense(Get("pos"), gloss, knGloss, "", prov)] : [],
                Examples = example.Length > 0 ? [new UsageExample(example, Get("example_translation"), prov)] : [],
                Origins = originClass != OriginClass.Unknown ? [new Origin(originClass, 0.9, [$"stated by {prov.Source}"], prov)] : [],
                Relations = [.. Split(Get("synonyms")).Select(w => new Relation(RelationKind.Synonym, w, prov)),
                    .. Split(Get("native_equivalents")).Select(w => new Relation(RelationKind.NativeEquivalent, w, prov))],
                Pronunciation = ipa.Length > 0 ? new Pronunciation("", ipa, prov) : null,
                Attestations = gloss.Length + knGloss.Length + example.Length == 0 ? [prov] : [],
            };
        }

        if (pending.Length > 0)
            throw new LexiconImportException(_path, $"line {start}", "a quoted field is never closed");
        if (index is null)
            throw new LexiconImportException(_path, "line 1", "no header row");
    }

    private Dictionary<string, int> Header(List<string> fields, long line)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < fields.Count; i++)
        {
            string name = fields[i].Trim().TrimStart('\uFEFF').ToLowerInvariant();
            if (!Columns.Contains(name))
                throw new LexiconImportException(_path, $"line {line}", $"unknown column \"{WordListReader.Clip(name)}\" (known: {string.Join(", ", Columns)})");
            if (!index.TryAdd(name, i))
                throw new LexiconImportException(_path, $"line {line}", $"column \"{name}\" appears twice");
        }

        if (!index.ContainsKey("headword"))
            throw new LexiconImportException(_path, $"line {line}", "the header has no 'headword' column");
        return index;
    }

    private static IEnumerable<string> Split(string list) =>
        list.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(WikitextEntryParser.IsKannadaWord);
}
