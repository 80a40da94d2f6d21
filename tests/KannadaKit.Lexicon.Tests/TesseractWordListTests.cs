using System.Diagnostics;
using KannadaKit.Lexicon.Import;
using KannadaKit.Lexicon.Store;
using KannadaKit.Testing;

namespace KannadaKit.Lexicon.Tests;

/// <summary>The Apache-2.0 word list in Debian's tesseract-ocr-kan, extracted by tools/lexicon/tesseract-wordlist.sh.</summary>
public class TesseractWordListTests
{
    private static string? SkipReason =>
        Directory.Exists("/usr/share/tesseract-ocr") && Directory.GetFiles("/usr/share/tesseract-ocr", "kan.traineddata", SearchOption.AllDirectories).Length > 0
            ? null
            : "Debian's tesseract-ocr-kan is not installed (tools/test.sh installs it when run as root)";

    public sealed class TesseractFactAttribute : FactAttribute
    {
        public TesseractFactAttribute()
        {
            if (SkipReason is { } r)
                Skip = r;
        }
    }

    [TesseractFact]
    public void ExtractedListImportsAsAttestedWords()
    {
        using var dir = new TempDirectory();
        string list = dir.File("kan.wordlist");
        var psi = new ProcessStartInfo("bash", [Path.Combine(SharedData.RepoRoot, "tools", "lexicon", "tesseract-wordlist.sh"), list])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using (var p = Process.Start(psi)!)
        {
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, err);
            Assert.Contains("Apache-2.0", err);
        }

        var lines = File.ReadAllLines(list);
        Assert.True(lines.Length > 200_000, $"{lines.Length} words");
        Assert.Contains("ಕನ್ನಡ", lines);
        using var store = LexiconStore.Open(dir.File("lex.db"), create: true);
        var source = SourceFile.Open(list, licence: "Apache-2.0");
        Assert.Equal(ImportFormat.WordList, source.Format);
        var report = store.Import(source.Source, source.Entries());
        Assert.Equal(lines.Length, report.NewHeadwords);
        var kannada = store.Get("ಕನ್ನಡ")!;
        Assert.Equal("Apache-2.0", Assert.Single(kannada.Attestations).Licence);
    }
}
