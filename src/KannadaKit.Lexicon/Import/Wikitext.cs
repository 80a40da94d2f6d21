using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace KannadaKit.Lexicon.Import;

/// <summary>
/// The little of wikitext a lexicon needs: template calls with nesting, and plain text for glosses (links to their
/// labels, known templates rendered, markup and references dropped). Not a MediaWiki parser: unknown templates vanish.
/// </summary>
internal static partial class Wikitext
{
    private static readonly Dictionary<string, string> s_languages = new(StringComparer.Ordinal)
    {
        ["sa"] = "Sanskrit", ["dra-pro"] = "Proto-Dravidian", ["dra-sou-pro"] = "Proto-South Dravidian", ["pra"] = "Prakrit",
        ["fa"] = "Persian", ["ar"] = "Arabic", ["ur"] = "Urdu", ["hi"] = "Hindi", ["en"] = "English", ["pt"] = "Portuguese",
        ["ta"] = "Tamil", ["te"] = "Telugu", ["ml"] = "Malayalam", ["tcy"] = "Tulu", ["kn"] = "Kannada", ["kn-old"] = "Old Kannada",
        ["mr"] = "Marathi", ["pi"] = "Pali",
    };

    public static string LanguageName(string code) => s_languages.TryGetValue(code, out var n) ? n : code;

    /// <summary>Top-level template calls in order (templates nested inside arguments are part of the argument text).</summary>
    public static List<WikiTemplate> Templates(string text)
    {
        var result = new List<WikiTemplate>();
        int i = 0;
        while ((i = text.IndexOf("{{", i, StringComparison.Ordinal)) >= 0)
        {
            int end = MatchingClose(text, i);
            if (end < 0)
                break;
            result.Add(ParseCall(text, i, end));
            i = end;
        }

        return result;
    }

    /// <summary>Text for people: templates rendered or dropped, links to labels, bold/italic and tags removed.</summary>
    public static string Plain(string text)
    {
        if (text.Length == 0)
            return "";
        string s = RefTag().Replace(text, "");
        s = Comment().Replace(s, "");
        var sb = new StringBuilder(s.Length);
        int i = 0;
        while (i < s.Length)
        {
            if (s.AsSpan(i).StartsWith("{{"))
            {
                int end = MatchingClose(s, i);
                if (end < 0)
                    break;
                sb.Append(Render(ParseCall(s, i, end)));
                i = end;
                continue;
            }

            sb.Append(s[i]);
            i++;
        }

        s = sb.ToString();
        s = CategoryLink().Replace(s, "");
        s = PipedLink().Replace(s, "$2");
        s = PlainLink().Replace(s, "$1");
        s = s.Replace("'''", "", StringComparison.Ordinal).Replace("''", "", StringComparison.Ordinal);
        s = AnyTag().Replace(s, "");
        s = WebUtility.HtmlDecode(s);
        return Spaces().Replace(s, " ").Trim();
    }

    private static string Render(WikiTemplate t)
    {
        string name = t.Name.ToLowerInvariant();
        switch (name)
        {
            case "l" or "m" or "link" or "mention" or "l-self" or "ll":
                return Label(t, 1);
            case "w":
                return Plain(t.Arg(t.Positional.Count > 1 ? 1 : 0));
            case "gloss" or "gl":
                return "(" + Plain(t.Arg(0)) + ")";
            case "q" or "qual" or "qualifier" or "i" or "qf" or "sense" or "s":
                return "(" + string.Join(", ", t.Positional.Select(Plain)) + ")";
            case "lb" or "lbl" or "label":
                return t.Positional.Count > 1 ? "(" + string.Join(", ", t.Positional.Skip(1).Select(Plain).Where(x => x is not "_" and not "")) + ")" : "";
            case "bor" or "bor+" or "lbor" or "slbor" or "obor" or "ubor" or "der" or "der+" or "inh" or "inh+" or "uder":
                return Join(LanguageName(t.Arg(1)), Label(t, 2));
            case "cog" or "noncog" or "ncog":
                return Join(LanguageName(t.Arg(0)), Label(t, 1));
            case "ux" or "uxi" or "usex":
                return Plain(t.Arg(1));
            case "t" or "t+" or "tt" or "tt+" or "t-check" or "t+check":
                return Plain(t.Arg(1));
            default:
                return "";
        }
    }

    private static string Label(WikiTemplate t, int wordIndex)
    {
        string alt = t.Named1("alt");
        string word = alt.Length > 0 ? alt : t.Arg(wordIndex + 1).Length > 0 && t.Arg(wordIndex).Length == 0 ? t.Arg(wordIndex + 1) : t.Arg(wordIndex);
        string gloss = t.Named1("t").Length > 0 ? t.Named1("t") : t.Named1("gloss");
        string plain = Plain(word);
        return gloss.Length > 0 ? $"{plain} (\"{Plain(gloss)}\")" : plain;
    }

    private static string Join(string a, string b) => b.Length == 0 ? a : a + " " + b;

    private static WikiTemplate ParseCall(string text, int start, int end)
    {
        string inner = text[(start + 2)..(end - 2)];
        var parts = SplitTop(inner);
        string name = parts[0].Trim();
        var positional = new List<string>();
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in parts.Skip(1))
        {
            int eq = TopLevelEquals(p);
            if (eq > 0)
            {
                string key = p[..eq].Trim();
                if (int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int k) && k >= 1)
                {
                    while (positional.Count < k - 1)
                        positional.Add("");
                    if (positional.Count == k - 1)
                        positional.Add(p[(eq + 1)..].Trim());
                    else
                        positional[k - 1] = p[(eq + 1)..].Trim();
                }
                else
                {
                    named[key] = p[(eq + 1)..].Trim();
                }
            }
            else
            {
                positional.Add(p.Trim());
            }
        }

        return new WikiTemplate(name, positional, named, start, end);
    }

    /// <summary>The index just past the <c>}}</c> closing the call at <paramref name="start"/>, or -1.</summary>
    private static int MatchingClose(string s, int start)
    {
        int depth = 0;
        for (int i = start; i < s.Length - 1; i++)
        {
            if (s[i] == '{' && s[i + 1] == '{')
            {
                depth++;
                i++;
            }
            else if (s[i] == '}' && s[i + 1] == '}')
            {
                depth--;
                i++;
                if (depth == 0)
                    return i + 1;
            }
        }

        return -1;
    }

    private static List<string> SplitTop(string inner)
    {
        var parts = new List<string>();
        int depth = 0, link = 0, from = 0;
        for (int i = 0; i < inner.Length; i++)
        {
            char c = inner[i];
            char next = i + 1 < inner.Length ? inner[i + 1] : '\0';
            if (c == '{' && next == '{') { depth++; i++; }
            else if (c == '}' && next == '}') { depth--; i++; }
            else if (c == '[' && next == '[') { link++; i++; }
            else if (c == ']' && next == ']') { link--; i++; }
            else if (c == '|' && depth == 0 && link == 0)
            {
                parts.Add(inner[from..i]);
                from = i + 1;
            }
        }

        parts.Add(inner[from..]);
        return parts;
    }

    private static int TopLevelEquals(string part)
    {
        int depth = 0;
        for (int i = 0; i < part.Length; i++)
        {
            if (part[i] is '{' or '[')
                depth++;
            else if (part[i] is '}' or ']')
                depth--;
            else if (part[i] == '=' && depth == 0)
                return i;
        }

        return -1;
    }

    [GeneratedRegex(@"<ref[^>/]*/>|<ref[^>]*>.*?</ref>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex RefTag();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\[\[(?:Category|ವರ್ಗ|File|Image|ಚಿತ್ರ):[^\]]*\]\]", RegexOptions.IgnoreCase)]
    private static partial Regex CategoryLink();

    [GeneratedRegex(@"\[\[([^\]|]*)\|([^\]]*)\]\]")]
    private static partial Regex PipedLink();

    [GeneratedRegex(@"\[\[([^\]]*)\]\]")]
    private static partial Regex PlainLink();

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
