using System.Xml;
using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.BZip2;
using KannadaKit.Lexicon.Model;

namespace KannadaKit.Lexicon.Import;

/// <summary>
/// Streams a MediaWiki XML dump (<c>pages-articles.xml</c>, plain or bzip2) page by page in constant memory and turns
/// main-namespace pages into entries. DTDs are refused and no external entity is resolved. A truncated or corrupt bzip2
/// stream, malformed XML or an over-long page stops the read with an error naming the place, so an import that uses it
/// rolls back.
/// </summary>
public sealed class WiktionaryDumpReader
{
    private readonly string _path;
    private readonly WiktionaryDumpOptions _options;

    /// <summary>Reads <paramref name="path"/>.</summary>
    public WiktionaryDumpReader(string path, WiktionaryDumpOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        _path = path;
        _options = options ?? WiktionaryDumpOptions.Default;
        Site = _options.Site ?? SniffSite(path);
    }

    /// <summary>The site: the option when given, else the dump header's <c>dbname</c> (<c>knwiktionary</c> is kn.wiktionary).</summary>
    public WiktionarySite Site { get; }

    /// <summary>The provenance of facts from this dump.</summary>
    public Provenance Source => Site == WiktionarySite.English
        ? new Provenance("en.wiktionary", "CC BY-SA 4.0 + GFDL", Path.GetFileName(_path))
        : new Provenance("kn.wiktionary", "CC BY-SA 4.0 + GFDL", Path.GetFileName(_path));

    /// <summary>Entries, page by page; a page may give several (translation rows) or none.</summary>
    public IEnumerable<LexiconEntry> Entries(IProgress<double>? progress = null)
    {
        foreach (var page in Pages(progress))
        {
            foreach (var e in WikitextEntryParser.Parse(page, Site, Source))
                yield return e;
        }
    }

    /// <summary>Main-namespace pages in dump order.</summary>
    public IEnumerable<WiktionaryPage> Pages(IProgress<double>? progress = null)
    {
        var file = SourceStreams.Open(_path);

        using (file)
        {
            Span<byte> magic = stackalloc byte[3];
            bool bz2 = file.Read(magic) == 3 && magic.SequenceEqual("BZh"u8);
            file.Position = 0;
            using Stream data = bz2 ? OpenBzip2(file) : file;
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreWhitespace = true,
                CloseInput = false,
            };
            using var xml = XmlReader.Create(data, settings);
            var info = (IXmlLineInfo)xml;
            string title = "", ns = "", revision = "";
            long pageLine = 0;
            int pages = 0;
            bool advanced = false; // ReadElementContentAsString leaves the reader on the next node already
            while (true)
            {
                string? text = null;
                bool more;
                try
                {
                    more = advanced ? !xml.EOF : xml.Read();
                    advanced = false;
                    if (more && xml.NodeType == XmlNodeType.Element)
                    {
                        switch (xml.LocalName)
                        {
                            case "page":
                                title = ns = revision = "";
                                pageLine = info.LineNumber;
                                break;
                            case "title":
                                title = xml.ReadElementContentAsString();
                                advanced = true;
                                break;
                            case "ns":
                                ns = xml.ReadElementContentAsString();
                                advanced = true;
                                break;
                            case "id" when revision.Length == 0 && xml.Depth == 3:
                                revision = xml.ReadElementContentAsString();
                                advanced = true;
                                break;
                            case "text":
                                text = ReadText(xml, title);
                                break;
                        }
                    }
                }
                catch (XmlException e)
                {
                    throw new LexiconImportException(_path, $"line {e.LineNumber}, column {e.LinePosition}{(bz2 ? " of the decompressed XML" : "")}",
                        $"malformed XML ({FirstSentence(e.Message)})", e);
                }
                catch (Exception e) when (bz2 && e is SharpZipBaseException or EndOfStreamException or IOException)
                {
                    throw new LexiconImportException(_path, $"compressed byte {SafePosition(file)}",
                        $"truncated or corrupt bzip2 data ({FirstSentence(e.Message)}); fetch the dump again", e);
                }

                if (!more)
                    break;
                if (text is not null && ns == "0")
                {
                    if (++pages % 200 == 0)
                        progress?.Report((double)SafePosition(file) / Math.Max(1, file.Length));
                    yield return new WiktionaryPage(title, revision, text, pageLine);
                }
            }

            progress?.Report(1);
        }
    }

    private string ReadText(XmlReader xml, string title)
    {
        if (xml.IsEmptyElement)
            return "";
        var sb = new System.Text.StringBuilder();
        char[] buffer = new char[1 << 16];
        xml.Read();
        while (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
        {
            int n;
            while ((n = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
            {
                sb.Append(buffer, 0, n);
                if (sb.Length > _options.MaxPageChars)
                {
                    throw new LexiconImportException(_path, $"line {((IXmlLineInfo)xml).LineNumber}",
                        $"page '{title}' is over {_options.MaxPageChars:N0} characters; not a Wiktionary article (raise the page limit if it is)");
                }
            }

            xml.Read();
        }

        return sb.ToString();
    }

    private BZip2InputStream OpenBzip2(FileStream file)
    {
        try
        {
            // The constructor decodes the first block already, so a dump cut inside it fails here.
            return new BZip2InputStream(file) { IsStreamOwner = false };
        }
        catch (Exception e) when (e is SharpZipBaseException or IOException)
        {
            throw new LexiconImportException(_path, $"compressed byte {SafePosition(file)}",
                $"truncated or corrupt bzip2 data ({FirstSentence(e.Message)}); fetch the dump again", e);
        }
    }

    /// <summary>Reads the header's first few KB for the database name; errors wait for the real read.</summary>
    private static WiktionarySite SniffSite(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            Span<byte> magic = stackalloc byte[3];
            bool bz2 = file.Read(magic) == 3 && magic.SequenceEqual("BZh"u8);
            file.Position = 0;
            using Stream data = bz2 ? new BZip2InputStream(file) : file;
            byte[] head = new byte[16384];
            int n = data.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            string text = System.Text.Encoding.UTF8.GetString(head, 0, n);
            return text.Contains("<dbname>knwiktionary", StringComparison.Ordinal) ? WiktionarySite.Kannada : WiktionarySite.English;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SharpZipBaseException)
        {
            return WiktionarySite.English;
        }
    }

    private static long SafePosition(FileStream f)
    {
        try
        {
            return f.Position;
        }
        catch (ObjectDisposedException)
        {
            return -1;
        }
    }

    private static string FirstSentence(string message)
    {
        int dot = message.IndexOf(". ", StringComparison.Ordinal);
        return (dot > 0 ? message[..dot] : message).TrimEnd('.');
    }
}
