using System.Text;
using System.Text.RegularExpressions;

namespace KannadaKit.News.Feeds;

/// <summary>
/// Bytes to text before the XML parser sees them: the charset (BOM, then the HTTP header, then the XML declaration,
/// then strict UTF-8, then windows-1252 as feedparser falls back), HTML entities that XML lacks turned into numeric
/// references, and stray ampersands escaped — outside CDATA and comments. DTDs that declare entities are refused.
/// </summary>
internal static partial class FeedText
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text and the name of the charset it was decoded with.</summary>
    public static (string Text, string Charset) Decode(ReadOnlySpan<byte> bytes, string? httpCharset)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return (Strict(bytes[3..], "UTF-8 (BOM)"), "utf-8");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return (Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return (Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");

        string? declared = DeclaredCharset(bytes);
        foreach (var name in new[] { httpCharset, declared })
        {
            if (string.IsNullOrWhiteSpace(name))
                continue;
            var encoding = Lookup(name.Trim());
            if (encoding is null)
                continue;
            if (encoding.CodePage == 65001)
            {
                try
                {
                    return (s_strictUtf8.GetString(bytes), "utf-8");
                }
                catch (DecoderFallbackException)
                {
                    // declared UTF-8 but is not (a common server mistake): try what else is known
                    continue;
                }
            }

            // A server that says Latin-1 or windows-1252 for a UTF-8 Kannada feed is the usual wrong charset; text
            // in a single-byte charset almost never forms valid multi-byte UTF-8, so valid UTF-8 is taken as UTF-8.
            if (encoding.IsSingleByte && !IsAscii(bytes) && TryStrict(bytes) is { } utf8)
                return (utf8, "utf-8");
            return (encoding.GetString(bytes), encoding.WebName);
        }

        try
        {
            return (s_strictUtf8.GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            var latin = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
            return (latin.GetString(bytes), "windows-1252");
        }
    }

    private static bool IsAscii(ReadOnlySpan<byte> bytes) => System.Text.Ascii.IsValid(bytes);

    private static string? TryStrict(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Makes <paramref name="xml"/> acceptable to a strict XML reader without changing what it says.</summary>
    /// <exception cref="FeedParseException">The document type declares entities.</exception>
    public static string Repair(string xml)
    {
        int root = FirstElement(xml);
        string prolog = xml[..root];
        int entity = prolog.IndexOf("<!ENTITY", StringComparison.Ordinal);
        if (entity >= 0)
            throw new FeedParseException($"line {Line(xml, entity)}: the document type declares entities; refused (a feed needs none, and they are how XXE and entity-expansion attacks work)");

        var b = new StringBuilder(xml.Length + 64);
        int i = 0;
        while (i < xml.Length)
        {
            if (string.CompareOrdinal(xml, i, "<![CDATA[", 0, 9) == 0 || string.CompareOrdinal(xml, i, "<!--", 0, 4) == 0)
            {
                bool cdata = xml[i + 2] == '[';
                int end = xml.IndexOf(cdata ? "]]>" : "-->", i + 4, StringComparison.Ordinal);
                end = end < 0 ? xml.Length : end + 3;
                b.Append(xml, i, end - i);
                i = end;
                continue;
            }

            char c = xml[i];
            if (c != '&')
            {
                b.Append(c);
                i++;
                continue;
            }

            var m = EntityPattern().Match(xml, i);
            if (!m.Success)
            {
                b.Append("&amp;"); // AT&T in a title
                i++;
                continue;
            }

            string name = m.Groups[1].Value;
            if (name.StartsWith('#') || name is "amp" or "lt" or "gt" or "quot" or "apos")
            {
                b.Append(m.Value);
            }
            else
            {
                string decoded = System.Net.WebUtility.HtmlDecode(m.Value);
                if (decoded == m.Value)
                    b.Append("&amp;").Append(name).Append(';'); // not an HTML entity either: keep it as text
                else
                    foreach (var r in decoded.EnumerateRunes())
                        b.Append("&#").Append(r.Value).Append(';');
            }

            i += m.Length;
        }

        return b.ToString();
    }

    /// <summary>1-based line of <paramref name="offset"/>.</summary>
    public static int Line(string text, int offset) => text.AsSpan(0, Math.Min(offset, text.Length)).Count('\n') + 1;

    private static string Strict(ReadOnlySpan<byte> bytes, string what)
    {
        try
        {
            return s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new FeedParseException($"byte {e.Index}: invalid {what} text", e);
        }
    }

    private static Encoding? Lookup(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return System.Text.CodePagesEncodingProvider.Instance.GetEncoding(name);
        }
    }

    private static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 512)]);
        var m = DeclarationPattern().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    // The first element's '<' (not a declaration, comment, processing instruction or DOCTYPE).
    private static int FirstElement(string xml)
    {
        int i = 0;
        while ((i = xml.IndexOf('<', i)) >= 0 && i + 1 < xml.Length)
        {
            char next = xml[i + 1];
            if (next is '?' or '!')
            {
                // a DOCTYPE with an internal subset ends at "]>", anything else at '>'
                int close = xml.AsSpan(i).StartsWith("<!DOCTYPE") && xml.IndexOf('[', i) is int open && open >= 0 && open < xml.IndexOf('>', i)
                    ? xml.IndexOf("]>", open, StringComparison.Ordinal)
                    : xml.IndexOf('>', i);
                if (close < 0)
                    return xml.Length;
                i = close + 1;
                continue;
            }

            return i;
        }

        return xml.Length;
    }

    [GeneratedRegex(@"\G&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});", RegexOptions.CultureInvariant)]
    private static partial Regex EntityPattern();

    [GeneratedRegex(@"^\s*<\?xml[^>]*\bencoding\s*=\s*[""']([A-Za-z0-9._:-]+)[""']", RegexOptions.CultureInvariant)]
    private static partial Regex DeclarationPattern();
}
