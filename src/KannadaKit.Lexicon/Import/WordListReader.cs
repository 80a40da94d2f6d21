using System.Globalization;
using KannadaKit.Lexicon.Model;

namespace KannadaKit.Lexicon.Import;

/// <summary>
/// One word per line, optionally a tab and a count (Tesseract's <c>kan.wordlist</c>, frequency lists). Lines starting
/// with <c>#</c> are comments. A line that is not one Kannada word is an error naming the line: a word list that is
/// really something else should not become thousands of junk headwords.
/// </summary>
public sealed class WordListReader
{
    private readonly string _path;
    private readonly string _licence;

    /// <summary>Reads <paramref name="path"/>, whose words are under <paramref name="licence"/>.</summary>
    public WordListReader(string path, string licence = "unknown")
    {
        ArgumentNullException.ThrowIfNull(path);
        _path = path;
        _licence = licence;
    }

    /// <summary>The provenance: <c>words:FILE</c>.</summary>
    public Provenance Source => new("words:" + Path.GetFileNameWithoutExtension(_path), _licence, Path.GetFileName(_path));

    /// <summary>Entries: each word attested by the list, with its count when the list has one.</summary>
    public IEnumerable<LexiconEntry> Entries(IProgress<double>? progress = null)
    {
        var prov = Source;
        foreach (var (number, raw) in SourceLines.Read(_path, progress))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var parts = line.Split('\t');
            string word = parts[0].Trim();
            if (!WikitextEntryParser.IsKannadaWord(word) || word.Contains(' ', StringComparison.Ordinal) || word.Any(c => c is >= 'A' and <= 'z'))
                throw new LexiconImportException(_path, $"line {number}", $"expected one Kannada word (optionally a tab and a count), got \"{Clip(line)}\"");
            long count = 0;
            if (parts.Length > 1 && !long.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out count))
                throw new LexiconImportException(_path, $"line {number}", $"the count \"{Clip(parts[1])}\" is not a whole number");
            yield return new LexiconEntry(word)
            {
                Attestations = count == 0 ? [prov] : [],
                Frequencies = count > 0 ? [new Frequency(count, prov)] : [],
            };
        }
    }

    internal static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
