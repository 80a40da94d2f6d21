using KannadaKit.Lexicon.Morphology;

namespace KannadaKit.Lexicon.Tests;

public class KannadaInflectorTests
{
    public static TheoryData<string, string, string, string> Spec()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var l in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Spec", "inflection.tsv")))
        {
            if (l.Length == 0 || l.StartsWith('#'))
                continue;
            var c = l.Split('\t');
            data.Add(c[0], c[1], c[2], c[3]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Spec))]
    public void TableHoldsTheHandCheckedForm(string lemma, string pos, string tag, string form)
    {
        var table = KannadaInflector.ParadigmsFor(lemma, pos).SelectMany(p => KannadaInflector.Inflect(lemma, p)).ToList();
        Assert.NotEmpty(table);
        Assert.Contains(table, w => w.Form == form && w.Tag == tag);
    }

    [Theory]
    [MemberData(nameof(Spec))]
    public void FormAnalysesBackToItsLemma(string lemma, string pos, string tag, string form)
    {
        _ = pos;
        if (form == lemma)
            return; // the nominative is the lemma itself; Analyse leaves out the form
        Assert.Contains(KannadaInflector.Analyse(form), w => w.Lemma == lemma && w.Tag == tag);
    }

    [Fact]
    public void EveryGeneratedFormAnalysesBackToItsLemma()
    {
        // Property over every rule: for lemmas of each paradigm, Inflect then Analyse gives the lemma back.
        string[] lemmas = ["ಮನೆ", "ಊರು", "ಕಾರ್", "ಮರ", "ಹುಡುಗ", "ಹೂ", "ಮಾಡು", "ಬರೆ", "ಕೆಲಸ", "ಬೆಟ್ಟ", "ತಾಯಿ", "ಕಲ್ಲು"];
        int checkedForms = 0;
        foreach (var lemma in lemmas)
        {
            foreach (var p in KannadaInflector.ParadigmsFor(lemma))
            {
                foreach (var w in KannadaInflector.Inflect(lemma, p).Where(w => w.Form != lemma))
                {
                    Assert.Contains(KannadaInflector.Analyse(w.Form), a => a.Lemma == lemma && a.Tag == w.Tag && a.Paradigm == p);
                    checkedForms++;
                }
            }
        }

        Assert.True(checkedForms > 150, $"only {checkedForms} forms checked");
    }

    [Fact]
    public void ParadigmFollowsTheEnding()
    {
        Assert.Equal([Paradigm.NounFrontVowel], KannadaInflector.ParadigmsFor("ಮನೆ", "noun"));
        Assert.Equal([Paradigm.NounU], KannadaInflector.ParadigmsFor("ಊರು", "noun"));
        Assert.Equal([Paradigm.NounANeuter, Paradigm.NounAHuman], KannadaInflector.ParadigmsFor("ಮರ", "noun"));
        Assert.Equal([Paradigm.VerbU], KannadaInflector.ParadigmsFor("ಮಾಡು", "verb"));
        Assert.Empty(KannadaInflector.ParadigmsFor("ಮರ", "verb"));
        Assert.Empty(KannadaInflector.ParadigmsFor("", ""));
    }

    [Theory]
    [InlineData("ಮನೆಗೂ", "ಮನೆ", "dative + -ಊ")]
    [InlineData("ಮನೆಯಲ್ಲಿಯೇ", "ಮನೆ", "locative + -ಏ")]
    [InlineData("ಊರಿನಲ್ಲೂ", "ಊರು", "locative + -ಊ")]
    [InlineData("ಊರನ್ನೂ", "ಊರು", "accusative + -ಊ")]
    [InlineData("ಮರವೂ", "ಮರ", "nominative + -ಊ")]
    [InlineData("ಮಾಡುವುದೇ", "ಮಾಡು", "verbal noun + -ಏ")]
    public void CliticsComeOffBeforeTheCaseEnding(string form, string lemma, string tag) =>
        Assert.Contains(KannadaInflector.Analyse(form), w => w.Lemma == lemma && w.Tag == tag);

    [Fact]
    public void AnalysisPrefersTheShortestLemma()
    {
        var a = KannadaInflector.Analyse("ಮನೆಗಳಲ್ಲಿ");
        Assert.Equal("ಮನೆ", a[0].Lemma);
        Assert.Equal("plural locative", a[0].Tag);
        Assert.Empty(KannadaInflector.Analyse("ಅ"));
    }
}
