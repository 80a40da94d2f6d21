using System.Text;
using KannadaKit.Lexicon.Model;

namespace KannadaKit.Lexicon.Export;

/// <summary>One entry as en.wiktionary Kannada-section wikitext (the layout its Kannada entries use).</summary>
public static class WikitextWriter
{
    /// <summary>The page text: <c>==Kannada==</c>, etymology, pronunciation, one section per part of speech, relations.</summary>
    public static string Page(LexiconEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var sb = new StringBuilder();
        sb.Append("==Kannada==\n\n");
        var etym = e.Etymologies.Count > 0 ? e.Etymologies[0] : null;
        if (etym is not null || e.BestOrigin is { Class: not OriginClass.Unknown })
        {
            sb.Append("===Etymology===\n");
            if (etym is not null)
            {
                string text = Escape(etym.Text);
                var missing = etym.Templates.Where(t => !etym.Text.Contains(t.ToString(), StringComparison.Ordinal)).ToList();
                sb.Append(text.Length > 0 ? text : string.Join(", ", missing.Select(t => t.ToString())));
                if (text.Length > 0 && missing.Count > 0)
                    sb.Append(" <!-- templates: ").Append(string.Join(" ", missing.Select(t => t.ToString()))).Append(" -->");
                sb.Append('\n');
            }
            else if (e.BestOrigin is { } o)
            {
                sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!-- KannadaKit origin guess: {OriginClasses.Name(o.Class)} ({o.Confidence:0.00}): {Escape(string.Join("; ", o.Evidence))} -->\n");
            }

            sb.Append('\n');
        }

        sb.Append("===Pronunciation===\n");
        if (e.Pronunciation is { Ipa.Length: > 0 } p)
            sb.Append("* {{IPA|kn|/").Append(p.Ipa).Append("/}}\n");
        sb.Append('\n');
        var groups = e.Senses.GroupBy(s => s.PartOfSpeech.Length > 0 ? s.PartOfSpeech : "noun").ToList();
        bool examplesWritten = false;
        foreach (var g in groups)
        {
            string pos = char.ToUpperInvariant(g.Key[0]) + g.Key[1..];
            sb.Append("===").Append(pos).Append("===\n");
            sb.Append("{{head|kn|").Append(g.Key).Append("}}\n\n");
            foreach (var s in g)
            {
                string gloss = s.Gloss.Length > 0 ? s.Gloss : s.KannadaGloss;
                sb.Append("# ");
                if (s.Qualifier.Length > 0)
                    sb.Append("{{q|").Append(Escape(s.Qualifier)).Append("}} ");
                sb.Append(Escape(gloss)).Append('\n');
                if (!examplesWritten)
                {
                    foreach (var x in e.Examples)
                    {
                        sb.Append("#: {{ux|kn|").Append(Escape(x.Text)).Append(x.Translation.Length > 0 ? "|t=" + Escape(x.Translation) : "").Append("}}\n");
                    }

                    examplesWritten = true;
                }
            }

            sb.Append('\n');
        }

        foreach (var (title, kind) in new[] { ("Synonyms", RelationKind.Synonym), ("Antonyms", RelationKind.Antonym), ("Related terms", RelationKind.Related) })
        {
            var words = e.Relations.Where(r => r.Kind == kind).Select(r => r.Target).Distinct().ToList();
            if (words.Count == 0)
                continue;
            sb.Append("====").Append(title).Append("====\n");
            foreach (var w in words)
                sb.Append("* {{l|kn|").Append(w).Append("}}\n");
            sb.Append('\n');
        }

        return sb.ToString().TrimEnd() + "\n";
    }

    /// <summary>Text that must not open templates, links or tags on the page.</summary>
    private static string Escape(string s) =>
        s.Replace("{{", "&#123;&#123;", StringComparison.Ordinal).Replace("[[", "&#91;&#91;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace("|", "&#124;", StringComparison.Ordinal);
}
