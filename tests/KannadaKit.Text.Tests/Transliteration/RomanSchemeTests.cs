using System.Text;
using KannadaKit.Testing;
using KannadaKit.Text.Tests.Normalization;
using KannadaKit.Text.Transliteration;

namespace KannadaKit.Text.Tests.Transliteration;

public class RomanSchemeTests
{
    public sealed record Spec(string File, int Line, string Mode, string Scheme, string Kannada, string Latin, string Why)
    {
        public override string ToString() => $"{File}:{Line} {Scheme} {Why}";
    }

    public static TheoryData<Spec> Specs()
    {
        var data = new TheoryData<Spec>();
        int n = 0;
        foreach (string line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Specs", "translit.tsv")))
        {
            n++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            string[] f = line.Split('\t');
            if (f.Length != 5)
                throw new FormatException($"translit.tsv:{n}: expected 5 fields, found {f.Length}");
            data.Add(new Spec("translit.tsv", n, f[0], f[1], NormalizationSpec.Unescape(f[2]), NormalizationSpec.Unescape(f[3]), f[4]));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec_ReadsAndWritesAsHandChecked(Spec spec)
    {
        var scheme = RomanSchemes.Find(spec.Scheme)!;
        Assert.Equal(NormalizationSpec.Escape(spec.Kannada), NormalizationSpec.Escape(scheme.ToKannada(spec.Latin)));
        if (spec.Mode == "both")
            Assert.Equal(NormalizationSpec.Escape(spec.Latin), NormalizationSpec.Escape(scheme.FromKannada(spec.Kannada)));
    }

    public static TheoryData<string> SchemeNames() => new(RomanSchemes.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(SchemeNames))]
    public void EveryConsonantWithEverySignAndVirama_RoundTrips(string name)
    {
        var scheme = RomanSchemes.Find(name)!;
        var consonants = scheme.Units.Where(u => u.Kind == RomanUnitKind.Consonant).Select(u => u.Native).ToList();
        var signs = scheme.Units.Where(u => u.Kind == RomanUnitKind.Vowel).Select(u => u.Sign!).Append("್").ToList();
        var letters = scheme.Units.Where(u => u.Kind != RomanUnitKind.Consonant).Select(u => u.Native).ToList();
        foreach (string c in consonants)
        {
            foreach (string s in signs)
            {
                foreach (string next in letters.Concat(consonants).Append(" "))
                {
                    string text = c + s + next;
                    Assert.True(scheme.ToKannada(scheme.FromKannada(text)) == text, $"{name}: {text} → {scheme.FromKannada(text)}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(SchemeNames))]
    public void WrittenSpellings_AreNfc(string name)
    {
        foreach (var u in RomanSchemes.Find(name)!.Units)
            Assert.True(u.Canonical.IsNormalized(NormalizationForm.FormC), $"{name}: {u.Native} → {u.Canonical}");
    }

    [Theory]
    [MemberData(nameof(SchemeNames))]
    public void RandomText_RoundTripsExactly(string name)
    {
        var scheme = RomanSchemes.Find(name)!;
        // Kannada block plus the characters that stress escaping: Latin letters, digits, braces, the separators.
        string alphabet = string.Concat(Enumerable.Range(0x0C80, 0x80).Select(c => (char)c)) + "aAkhHMR^|&.:_{}\\ 09\u200C\u200Dāṁ\u0325";
        var rng = new Random(15919);
        var sb = new StringBuilder();
        for (int n = 0; n < 20_000; n++)
        {
            sb.Clear();
            int len = rng.Next(1, 12);
            for (int i = 0; i < len; i++)
                sb.Append(alphabet[rng.Next(alphabet.Length)]);
            string text = sb.ToString();
            string latin = scheme.FromKannada(text);
            Assert.True(scheme.ToKannada(latin) == text,
                $"{name}: {NormalizationSpec.Escape(text)} → {NormalizationSpec.Escape(latin)} → {NormalizationSpec.Escape(scheme.ToKannada(latin))}");
        }
    }

    [SharedDataTheory(Corpora.Wiki5MB)]
    [MemberData(nameof(SchemeNames))]
    public void Wiki5MB_EveryLineRoundTripsExactly(string name)
    {
        var scheme = RomanSchemes.Find(name)!;
        int n = 0;
        foreach (string line in File.ReadLines(SharedData.PathOf(Corpora.Wiki5MB)))
        {
            n++;
            string latin = scheme.FromKannada(line);
            Assert.True(scheme.ToKannada(latin) == line, $"{name}: line {n}: {line}");
        }
        Assert.Equal(19_152, n);
    }
}
