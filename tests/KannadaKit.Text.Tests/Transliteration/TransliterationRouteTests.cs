using KannadaKit.Text.Transliteration;

namespace KannadaKit.Text.Tests.Transliteration;

/// <summary>Any scheme to any other through Kannada, including ICU transform ids on either side.</summary>
public sealed class TransliterationRouteTests
{
    [Theory]
    [InlineData("kn", "iso15919", "ಕನ್ನಡ ನಾಡು", "kannaḍa nāḍu")]
    [InlineData("iso", "kn", "kannaḍa nāḍu", "ಕನ್ನಡ ನಾಡು")]
    [InlineData("devanagari", "kn", "कन्नड", "ಕನ್ನಡ")]
    [InlineData("kn", "telugu", "ಕನ್ನಡ", "కన్నడ")]
    [InlineData("itrans", "deva", "kannaDa", "कन्नड")]
    [InlineData("kn", "icu:Any-Latin", "ಕನ್ನಡ", "kannaḍa")]
    [InlineData("icu:Devanagari-Kannada", "kn", "कन्नड", "ಕನ್ನಡ")]
    [InlineData("KANNADA", "kn", "ಕನ್ನಡ", "ಕನ್ನಡ")]
    public void Route_TransliteratesThroughKannada(string from, string to, string input, string expected) =>
        Assert.Equal(expected, TransliterationRoute.Create(from, to).Transliterate(input));

    [Fact]
    public void PlainOption_DropsTheBracesAroundLatin()
    {
        Assert.Equal("kannaḍa {OK}", TransliterationRoute.Create("kn", "iso").Transliterate("ಕನ್ನಡ OK"));
        Assert.Equal("kannaḍa OK", TransliterationRoute.Create("kn", "iso", new TransliterationRouteOptions { Plain = true }).Transliterate("ಕನ್ನಡ OK"));
    }

    [Theory]
    [InlineData("klingon", "kn", "unknown scheme 'klingon'")]
    [InlineData("kn", "romanized", "only read")]
    [InlineData("romanized", "kn", "needs a romanized-input model")]
    [InlineData("kn", "icu:No-Such-Transform", "ICU transform 'No-Such-Transform' is not available")]
    public void BadRoute_IsATransliterationError(string from, string to, string message)
    {
        var e = Assert.Throws<TransliterationException>(() => TransliterationRoute.Create(from, to));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonical_KnowsEveryListedName()
    {
        foreach (var scheme in TransliterationRoute.Schemes.Where(s => !s.Name.StartsWith(TransliterationRoute.IcuPrefix, StringComparison.Ordinal)))
        {
            foreach (var name in scheme.Names)
            {
                Assert.Equal(scheme.Name, TransliterationRoute.Canonical(name.ToUpperInvariant()));
            }
        }

        Assert.Equal("icu:Any-Latin", TransliterationRoute.Canonical("icu:Any-Latin"));
        Assert.Null(TransliterationRoute.Canonical("icu:"));
    }
}
