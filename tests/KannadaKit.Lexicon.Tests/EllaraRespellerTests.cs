using System.Globalization;
using System.Text;
using KannadaKit.Lexicon.Ellara;
using KannadaKit.Testing;

namespace KannadaKit.Lexicon.Tests;

public class EllaraRespellerTests
{
    private static IEnumerable<string[]> Rows() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Spec", "ellara-respelling.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'));

    public static TheoryData<string, string, string, string> Spec()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var r in Rows())
        {
            data.Add(r[0], r[1], r[2], r[3]);
        }

        return data;
    }

    private static EllaraOptions Options(string changes, string exempt)
    {
        var o = EllaraOptions.Default;
        if (changes != "all")
        {
            var on = changes.Split(',').Select(c => (EllaraChange)int.Parse(c, CultureInfo.InvariantCulture)).ToHashSet();
            o = o with { Changes = on };
        }

        return exempt == "-" ? o : o.Exempting(exempt.Split(','));
    }

    [Theory]
    [MemberData(nameof(Spec))]
    public void RespellsAsTheSpecSays(string changes, string exempt, string before, string after)
    {
        var r = new EllaraRespeller(Options(changes, exempt)).Explain(before);
        Assert.Equal(after, r.Text);
        // The edits rebuild the output from the source, and each is one of the changes that are on.
        var rebuilt = new StringBuilder();
        int at = 0;
        foreach (var e in r.Edits)
        {
            rebuilt.Append(r.Source, at, e.Start - at).Append(e.After);
            Assert.Equal(r.Source.Substring(e.Start, e.Length), e.Before);
            Assert.True(changes == "all" || changes.Split(',').Contains(((int)e.Change).ToString(CultureInfo.InvariantCulture)));
            at = e.Start + e.Length;
        }

        rebuilt.Append(r.Source, at, r.Source.Length - at);
        Assert.Equal(after, rebuilt.ToString());
        Assert.Equal(before == after, r.Unchanged);
    }

    [Fact]
    public void TheSpecHasSixtyPairsAndCoversEveryChange()
    {
        var rows = Rows().ToList();
        Assert.True(rows.Count >= 60, $"{rows.Count} rows");
        Assert.True(rows.Count(r => r[4].StartsWith("published", StringComparison.Ordinal)) >= 25);
        var respeller = new EllaraRespeller();
        var seen = rows.SelectMany(r => respeller.Explain(r[2]).Edits.Select(e => e.Change)).ToHashSet();
        Assert.Equal(Enum.GetValues<EllaraChange>().ToHashSet(), seen);
    }

    [Fact]
    public void EachChangeNamesWhatItAltered()
    {
        var r = new EllaraRespeller().Explain("ದುಃಖ");
        Assert.Equal(["5 Visarga: ಃ → ಕ್ at 2", "1 Aspirates: ಖ → ಕ at 3"], r.Edits.Select(e => e.ToString()));
        var k = new EllaraRespeller().Explain("ಕರ್ನಾಟಕದ ವೈಜ್ಞಾನಿಕ ಸಂಶೋಧನೆ");
        Assert.Equal([EllaraChange.Arkavottu, EllaraChange.Diphthongs, EllaraChange.VelarPalatalNasals, EllaraChange.Aspirates], k.Edits.Select(e => e.Change));
        Assert.Equal("ಕರ‍್ನಾಟಕದ ವಯ್ಜ್ನಾನಿಕ ಸಂಶೋದನೆ", k.Text);
    }

    [Fact]
    public void RespellingIsIdempotentOnRealText()
    {
        var respeller = new EllaraRespeller();
        string sample = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "corpora", "samples", "kn-news-sample.txt"));
        string once = respeller.Respell(sample);
        Assert.NotEqual(sample.Normalize(NormalizationForm.FormC), once);
        Assert.Equal(once, respeller.Respell(once));
        Assert.True(respeller.Explain(once).Unchanged);
    }

    [SharedDataFact("corpora/dakshina-kn/kn.wiki-valid.5MB.txt")]
    public void OnFiveMegabytesOfWikipediaNoneOfTheSevenSurvivesAndASecondPassChangesNothing()
    {
        // After respelling, no aspirate (but the nukta forms), ಙ, ಞ, ಋ, ೃ, ಷ, ಃ, ಐ, ಔ, ೈ or ೌ is left, and a second
        // pass finds nothing to do.
        var respeller = new EllaraRespeller();
        int lines = 0;
        foreach (var line in File.ReadLines(SharedData.PathOf("corpora/dakshina-kn/kn.wiki-valid.5MB.txt")))
        {
            var r = respeller.Explain(line);
            Assert.DoesNotContain(r.Text, c => "ಖಘಛಝಠಢಥಧಫಭಙಞಋೠೃೄಷಃಐಔೈೌ".Contains(c, StringComparison.Ordinal) && !IsNuktaForm(r.Text, c));
            Assert.Equal(r.Text, respeller.Respell(r.Text));
            lines++;
        }

        Assert.True(lines > 15_000, $"{lines} lines");
    }

    private static bool IsNuktaForm(string text, char c)
    {
        // ಫ಼ (f) and ಜ಼ (z) are kept; only an aspirate followed by the nukta may remain.
        for (int i = text.IndexOf(c, StringComparison.Ordinal); i >= 0; i = text.IndexOf(c, i + 1))
        {
            if (i + 1 >= text.Length || text[i + 1] != '\u0CBC')
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void SwitchingAChangeOffLeavesItsLetters()
    {
        const string text = "ಮುಖ್ಯಮಂತ್ರಿಗಳು ಕೃಷಿ ಕ್ಷೇತ್ರದ ದುಃಖ ಕೇಳಿ ಮೌನವಾದರು; ಸರ್ಕಾರದ ತೀರ್ಮಾನ ವೈಜ್ಞಾನಿಕ";
        foreach (var change in Enum.GetValues<EllaraChange>())
        {
            var r = new EllaraRespeller(EllaraOptions.Default.Without(change)).Explain(text);
            Assert.DoesNotContain(r.Edits, e => e.Change == change);
            Assert.Equal(r.Text, new EllaraRespeller(EllaraOptions.Default.Without(change)).Respell(r.Text));
        }

        Assert.Equal(text, new EllaraRespeller(EllaraOptions.Default with { Changes = new HashSet<EllaraChange>() }).Respell(text));
    }

    [Fact]
    public void InputNotInNfcIsNormalizedAndTheOffsetsReferToTheNormalizedText()
    {
        // ೀ written as its two parts (ಿ + ೕ): NFC composes them.
        string decomposed = "ತ\u0CBF\u0CD5ರ್ಮೆ";
        var r = new EllaraRespeller().Explain(decomposed);
        Assert.Equal("ತೀರ‍್ಮೆ", r.Text);
        Assert.Equal("ತೀರ್ಮೆ", r.Source);
        Assert.Equal(2, r.Edits[0].Start);
    }
}
