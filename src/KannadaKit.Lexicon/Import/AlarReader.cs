using KannadaKit.Lexicon.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KannadaKit.Lexicon.Import;

/// <summary>
/// Alar's <c>alar.yml</c> (V. Krishna's Kannada–English dictionary, ODbL 1.0): a sequence of entries
/// <c>{id, head, entry, phone, origin, info, defs: [{id, entry, type}]}</c>, streamed item by item from the YAML
/// events so a 150,000-entry file never sits in memory as one tree. Errors name the YAML line.
/// </summary>
public sealed class AlarReader
{
    private readonly string _path;

    /// <summary>Reads <paramref name="path"/>.</summary>
    public AlarReader(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        _path = path;
    }

    /// <summary>The provenance: Alar under ODbL.</summary>
    public Provenance Source => new("alar", "ODbL 1.0", Path.GetFileName(_path));

    /// <summary>Entries in file order.</summary>
    public IEnumerable<LexiconEntry> Entries(IProgress<double>? progress = null)
    {
        var file = SourceStreams.Open(_path);

        using (file)
        using (var text = new StreamReader(file, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            var parser = new Parser(text);
            Next(parser);
            Expect<StreamStart>(parser);
            if (parser.Current is StreamEnd)
                yield break;
            Expect<DocumentStart>(parser);
            if (parser.Current is not SequenceStart)
                throw Error(parser.Current, "expected a list of entries at the top");
            Next(parser);
            long n = 0;
            while (parser.Current is not SequenceEnd)
            {
                long line = parser.Current?.Start.Line ?? 0;
                var item = Node(parser, 0) as Dictionary<string, object>
                    ?? throw new LexiconImportException(_path, $"line {line}", "expected an entry (a mapping with 'entry' and 'defs')");
                if (++n % 1000 == 0)
                    progress?.Report((double)file.Position / Math.Max(1, file.Length));
                if (Entry(item, line) is { } e)
                    yield return e;
            }
        }
    }

    private LexiconEntry? Entry(Dictionary<string, object> item, long line)
    {
        string word = Scalar(item, "entry").Normalize(System.Text.NormalizationForm.FormC);
        if (word.Length == 0)
            throw new LexiconImportException(_path, $"line {line}", "entry without an 'entry' headword");
        if (!WikitextEntryParser.IsKannadaWord(word))
            return null; // Alar has a few Latin-script abbreviations; they are not Kannada headwords
        string id = Scalar(item, "id");
        var prov = Source with { Reference = id.Length > 0 ? $"https://alar.ink/dictionary/kannada/english/{Uri.EscapeDataString(word)}#{id}" : "" };
        var senses = new List<Sense>();
        if (item.TryGetValue("defs", out var defs) && defs is List<object> list)
        {
            foreach (var d in list.OfType<Dictionary<string, object>>())
            {
                string gloss = Scalar(d, "entry");
                if (gloss.Length > 0)
                    senses.Add(new Sense(Scalar(d, "type"), gloss, "", "", prov));
            }
        }

        string origin = Scalar(item, "origin");
        var originClass = OriginFromAlar(origin);
        return new LexiconEntry(word)
        {
            Senses = senses,
            Origins = originClass is { } c ? [new Origin(c, 0.9, [$"Alar origin \"{origin}\""], prov)] : [],
            Attestations = senses.Count == 0 ? [prov] : [],
        };
    }

    /// <summary>Alar's origin field is empty in every entry seen so far; read the obvious spellings if it gets filled.</summary>
    private static OriginClass? OriginFromAlar(string origin) => origin.Trim().ToLowerInvariant() switch
    {
        "" => null,
        "sanskrit" or "sa" or "ಸಂ" or "ಸಂಸ್ಕೃತ" or "tatsama" => OriginClass.Tatsama,
        "tadbhava" or "ತದ್ಭವ" => OriginClass.Tadbhava,
        "native" or "kannada" or "ಕನ್ನಡ" or "ದೇಶ್ಯ" or "ಅಚ್ಚಗನ್ನಡ" => OriginClass.Native,
        "english" or "en" or "ಇಂಗ್ಲಿಷ್" => OriginClass.English,
        "persian" or "arabic" or "urdu" or "hindustani" or "fa" or "ar" or "ur" => OriginClass.PersoArabic,
        _ => OriginClass.Other,
    };

    private object Node(Parser parser, int depth)
    {
        if (depth > 16)
            throw Error(parser.Current, "nesting deeper than 16 levels; not an Alar entry");
        switch (parser.Current)
        {
            case Scalar s:
                Next(parser);
                return s.Value;
            case SequenceStart:
            {
                Next(parser);
                var list = new List<object>();
                while (parser.Current is not SequenceEnd)
                    list.Add(Node(parser, depth + 1));
                Next(parser);
                return list;
            }

            case MappingStart:
            {
                Next(parser);
                var map = new Dictionary<string, object>(StringComparer.Ordinal);
                while (parser.Current is not MappingEnd)
                {
                    if (parser.Current is not Scalar key)
                        throw Error(parser.Current, "expected a key");
                    Next(parser);
                    map[key.Value] = Node(parser, depth + 1);
                }

                Next(parser);
                return map;
            }

            case AnchorAlias a:
                throw Error(a, "YAML aliases are not used by Alar and are refused");
            default:
                throw Error(parser.Current, "unexpected end of the YAML document");
        }
    }

    private void Next(Parser parser)
    {
        try
        {
            if (!parser.MoveNext())
                throw new LexiconImportException(_path, "", "the YAML ends in the middle of an entry");
        }
        catch (YamlException e)
        {
            throw new LexiconImportException(_path, $"line {e.Start.Line}, column {e.Start.Column}", $"malformed YAML ({e.Message.Split(':').Last().Trim()})", e);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw new LexiconImportException(_path, "", "invalid UTF-8 (expected UTF-8 YAML)", e);
        }
    }

    private void Expect<T>(Parser parser)
        where T : ParsingEvent
    {
        if (parser.Current is not T)
            throw Error(parser.Current, $"expected {typeof(T).Name}");
        Next(parser);
    }

    private LexiconImportException Error(ParsingEvent? at, string problem) =>
        new(_path, at is null ? "" : $"line {at.Start.Line}", problem);

    private static string Scalar(Dictionary<string, object> map, string key) =>
        map.TryGetValue(key, out var v) && v is string s ? s.Trim() : "";
}
