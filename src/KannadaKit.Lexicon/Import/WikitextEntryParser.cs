using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Lexicon.Model;

namespace KannadaKit.Lexicon.Import;

/// <summary>
/// Turns one Wiktionary page into lexicon entries: the page's Kannada section (etymology and its templates,
/// pronunciation, parts of speech, numbered glosses, examples, synonyms and derived terms) and, on any page, Kannada
/// words in translation tables, which become entries whose English gloss is the page title and whose qualifier is the
/// table's sense line. Every fact carries the page and revision it came from.
/// </summary>
internal static partial class WikitextEntryParser
{
    private static readonly Dictionary<string, string> s_posEnglish = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Noun"] = "noun", ["Proper noun"] = "proper noun", ["Verb"] = "verb", ["Adjective"] = "adjective", ["Adverb"] = "adverb",
        ["Pronoun"] = "pronoun", ["Numeral"] = "numeral", ["Postposition"] = "postposition", ["Conjunction"] = "conjunction",
        ["Interjection"] = "interjection", ["Particle"] = "particle", ["Suffix"] = "suffix", ["Prefix"] = "prefix",
        ["Determiner"] = "determiner", ["Phrase"] = "phrase", ["Proverb"] = "proverb", ["Root"] = "root",
    };

    // kn.wiktionary headings, in the spellings seen on its pages (ನಾಮಪದ, ಕ್ರಿಯಾಪದ…) and Bhat's terms (ಹೆಸರುಪದ, ಎಸಕಪದ).
    private static readonly Dictionary<string, string> s_posKannada = new(StringComparer.Ordinal)
    {
        ["ನಾಮಪದ"] = "noun", ["ಹೆಸರುಪದ"] = "noun", ["ನಾಮವಾಚಕ"] = "noun", ["ಕ್ರಿಯಾಪದ"] = "verb", ["ಎಸಕಪದ"] = "verb",
        ["ಗುಣವಾಚಕ"] = "adjective", ["ವಿಶೇಷಣ"] = "adjective", ["ನಾಮವಿಶೇಷಣ"] = "adjective", ["ಗುಣವಿಶೇಷಣ"] = "adjective",
        ["ಪರಿಚೆಪದ"] = "adjective", ["ಕ್ರಿಯಾವಿಶೇಷಣ"] = "adverb", ["ಸರ್ವನಾಮ"] = "pronoun", ["ಅವ್ಯಯ"] = "indeclinable",
        ["ಸಂಖ್ಯಾವಾಚಕ"] = "numeral", ["ಉದ್ಗಾರವಾಚಕ"] = "interjection",
    };

    private static readonly string[] s_etymologyKn = ["ನಿರುಕ್ತಿ", "ವ್ಯುತ್ಪತ್ತಿ", "ಪದಮೂಲ", "ಮೂಲ"];
    private static readonly string[] s_pronunciationKn = ["ಉಚ್ಚಾರಣೆ", "ಉಲಿಕೆ"];
    private static readonly string[] s_synonymsKn = ["ಸಮಾನಾರ್ಥಕ", "ಸಮಾನಾರ್ಥಕ ಪದಗಳು", "ಪರ್ಯಾಯ ಪದಗಳು", "ಸಮಾನಾರ್ಥಕಗಳು"];
    private static readonly string[] s_translationsKn = ["ಅನುವಾದ", "ಅನುವಾದಗಳು", "ಭಾಷಾಂತರ", "ಭಾಷಾಂತರಗಳು"];
    private static readonly string[] s_englishNamesKn = ["ಇಂಗ್ಲೀಷ್", "ಇಂಗ್ಲಿಷ್", "ಇಂಗ್ಲಿಶ್", "ಆಂಗ್ಲ", "English"];

    public static IEnumerable<LexiconEntry> Parse(WiktionaryPage page, WiktionarySite site, Provenance source)
    {
        var prov = source with { Reference = PageUrl(page, site) };
        var translations = new List<LexiconEntry>();
        Builder? kannada = null;
        string section = "", pos = "", transGloss = "";
        bool inKannada = false;
        foreach (string raw in page.Text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            var h = Heading().Match(line);
            if (h.Success || line.Trim() == "{{-kn-}}")
            {
                int level = h.Success ? h.Groups[1].Length : 2;
                string name = h.Success ? Wikitext.Plain(h.Groups[2].Value).Trim() : "ಕನ್ನಡ";
                if (level == 2)
                {
                    inKannada = name is "Kannada" or "ಕನ್ನಡ";
                    section = pos = transGloss = "";
                    if (inKannada)
                        kannada ??= new Builder(page.Title, prov);
                }
                else if ((site == WiktionarySite.English ? s_posEnglish : s_posKannada).TryGetValue(name, out var p)
                         || s_posEnglish.TryGetValue(name, out p))
                {
                    pos = p;
                    section = "pos";
                }
                else
                {
                    section = Section(name);
                }

                continue;
            }

            string trimmed = line.Trim();
            if (trimmed.StartsWith("{{trans-top", StringComparison.Ordinal) || trimmed.StartsWith("{{checktrans-top", StringComparison.Ordinal)
                || trimmed.StartsWith("{{ಅನುವಾದ-ಮೇಲೆ", StringComparison.Ordinal))
            {
                var t = Wikitext.Templates(trimmed).FirstOrDefault();
                transGloss = t is null ? "" : Wikitext.Plain(t.Arg(0));
                continue;
            }

            if (trimmed.StartsWith("{{trans-bottom", StringComparison.Ordinal))
            {
                transGloss = "";
                continue;
            }

            // A Kannada row of a translation table on another language's page (en.wiktionary's English pages).
            if (!inKannada && KannadaRow().Match(trimmed) is { Success: true } row)
            {
                // The row translates the page's headword (an English word on en.wiktionary).
                foreach (var t in Wikitext.Templates(row.Groups[1].Value))
                {
                    if (t.Name is "t" or "t+" or "tt" or "tt+" or "t-check" or "t+check" && t.Arg(0) == "kn" && IsKannadaWord(t.Arg(1)))
                    {
                        translations.Add(new LexiconEntry(Wikitext.Plain(t.Arg(1)))
                        {
                            Senses = [new Sense(pos, page.Title, "", transGloss, prov)],
                        });
                    }
                }

                continue;
            }

            if (inKannada && kannada is not null)
                kannada.Line(section, pos, trimmed, site);
        }

        if (kannada is not null && IsKannadaWord(page.Title))
            yield return kannada.Build();
        foreach (var t in translations)
            yield return t;
    }

    public static string PageUrl(WiktionaryPage page, WiktionarySite site)
    {
        string host = site == WiktionarySite.English ? "en.wiktionary.org" : "kn.wiktionary.org";
        string title = Uri.EscapeDataString(page.Title.Replace(' ', '_'));
        return page.Revision.Length > 0 ? $"https://{host}/w/index.php?title={title}&oldid={page.Revision}" : $"https://{host}/wiki/{title}";
    }

    public static bool IsKannadaWord(string s) =>
        s.Length is > 0 and <= 64 && s.Any(c => c is >= '\u0C80' and <= '\u0CFF') && !s.Contains('[', StringComparison.Ordinal) && !s.Contains('{', StringComparison.Ordinal);

    private static string Section(string name)
    {
        if (name.StartsWith("Etymology", StringComparison.OrdinalIgnoreCase) || s_etymologyKn.Contains(name))
            return "etymology";
        if (name.Equals("Pronunciation", StringComparison.OrdinalIgnoreCase) || s_pronunciationKn.Contains(name))
            return "pronunciation";
        if (name.Equals("Synonyms", StringComparison.OrdinalIgnoreCase) || s_synonymsKn.Contains(name))
            return "synonyms";
        if (name.Equals("Antonyms", StringComparison.OrdinalIgnoreCase) || name == "ವಿರುದ್ಧಾರ್ಥಕ")
            return "antonyms";
        if (name is "Derived terms" or "Related terms" or "Compounds" or "ಸಂಬಂಧಿತ ಪದಗಳು" or "ಹುಟ್ಟುಪದಗಳು")
            return "related";
        if (name.Equals("Translations", StringComparison.OrdinalIgnoreCase) || s_translationsKn.Contains(name))
            return "translations";
        return "other";
    }

    /// <summary>Collects one Kannada section.</summary>
    private sealed class Builder(string title, Provenance prov)
    {
        private readonly List<Sense> _senses = [];
        private readonly List<UsageExample> _examples = [];
        private readonly List<Relation> _relations = [];
        private readonly List<EtymologyTemplate> _etymTemplates = [];
        private readonly StringBuilder _etymText = new();
        private string _ipa = "";

        public void Line(string section, string pos, string line, WiktionarySite site)
        {
            if (line.Length == 0)
                return;
            switch (section)
            {
                case "etymology":
                    foreach (var t in Wikitext.Templates(line))
                    {
                        if (t.Name is "bor" or "bor+" or "lbor" or "slbor" or "obor" or "ubor" or "der" or "der+" or "inh" or "inh+" or "uder" or "cog")
                            _etymTemplates.Add(new EtymologyTemplate(t.Name, t.Positional));
                    }

                    string text = Wikitext.Plain(line);
                    if (text.Length > 0)
                        _etymText.Append(_etymText.Length > 0 ? " " : "").Append(text);
                    break;
                case "pronunciation":
                    foreach (var t in Wikitext.Templates(line))
                    {
                        if (t.Name is "IPA" && t.Arg(0) == "kn" && _ipa.Length == 0)
                            _ipa = t.Arg(1).Trim('/', '[', ']');
                    }

                    break;
                case "pos":
                    Gloss(pos, line, site);
                    break;
                case "synonyms" or "antonyms" or "related":
                    var kind = section switch { "synonyms" => RelationKind.Synonym, "antonyms" => RelationKind.Antonym, _ => RelationKind.Related };
                    foreach (var w in LinkedWords(line))
                        _relations.Add(new Relation(kind, w, prov));
                    break;
                case "translations" when site == WiktionarySite.Kannada:
                    // kn.wiktionary lists English equivalents as "* ಇಂಗ್ಲೀಷ್: [[house]]" or {{t|en|house}}.
                    int colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (line.StartsWith('*') && colon > 0 && s_englishNamesKn.Any(n => line.AsSpan(1, colon - 1).Trim().SequenceEqual(n)))
                    {
                        foreach (var g in Wikitext.Plain(line[(colon + 1)..]).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                            _senses.Add(new Sense(pos, g, "", "", prov));
                    }

                    break;
            }
        }

        private void Gloss(string pos, string line, WiktionarySite site)
        {
            if (line.StartsWith("#:", StringComparison.Ordinal) || line.StartsWith("##:", StringComparison.Ordinal))
            {
                var ux = Wikitext.Templates(line).FirstOrDefault(t => t.Name is "ux" or "uxi" or "usex" && t.Arg(0) == "kn");
                if (ux is not null)
                {
                    string tr = ux.Named1("t").Length > 0 ? ux.Named1("t") : ux.Named1("translation").Length > 0 ? ux.Named1("translation") : ux.Arg(2);
                    _examples.Add(new UsageExample(Wikitext.Plain(ux.Arg(1)), Wikitext.Plain(tr), prov));
                }
                else if (Wikitext.Plain(line.TrimStart('#', ':', '*')) is { Length: > 0 } ex && IsKannadaWord(ex.Split(' ')[0]))
                {
                    _examples.Add(new UsageExample(ex, "", prov));
                }

                return;
            }

            if (line.StartsWith("#*", StringComparison.Ordinal) || !line.StartsWith('#'))
                return;
            string gloss = Wikitext.Plain(line.TrimStart('#').Trim());
            if (gloss.Length == 0)
                return;
            bool kannadaGloss = site == WiktionarySite.Kannada || gloss.Any(c => c is >= '\u0C80' and <= '\u0CFF') && !gloss.Any(char.IsAsciiLetter);
            _senses.Add(kannadaGloss ? new Sense(pos, "", gloss, "", prov) : new Sense(pos, gloss, "", "", prov));
        }

        private static IEnumerable<string> LinkedWords(string line)
        {
            foreach (var t in Wikitext.Templates(line))
            {
                if (t.Name is "l" or "link" or "ll" or "col" or "col2" or "col3" or "der2" or "der3" or "syn" or "ant" && t.Positional.Count > 1)
                {
                    foreach (var w in t.Positional.Skip(1).Where(IsKannadaWord))
                        yield return w;
                }
            }

            foreach (Match m in WikiLink().Matches(line))
            {
                if (IsKannadaWord(m.Groups[1].Value))
                    yield return m.Groups[1].Value;
            }
        }

        public LexiconEntry Build() => new(title)
        {
            Senses = _senses,
            Examples = _examples,
            Relations = [.. _relations.DistinctBy(r => (r.Kind, r.Target)).Where(r => r.Target != title)],
            Etymologies = _etymText.Length > 0 || _etymTemplates.Count > 0 ? [new Etymology(_etymText.ToString(), _etymTemplates, prov)] : [],
            Pronunciation = _ipa.Length > 0 ? new Pronunciation("", _ipa, prov) : null,
        };
    }

    [GeneratedRegex(@"^(={2,6})\s*(.+?)\s*\1\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\*\s*(?:\[\[)?Kannada(?:\]\])?\s*:\s*(.*)$")]
    private static partial Regex KannadaRow();

    [GeneratedRegex(@"\[\[([^\]|#]+)(?:[|#][^\]]*)?\]\]")]
    private static partial Regex WikiLink();
}
