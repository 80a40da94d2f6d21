using KannadaKit.Lexicon.Phonetics;

namespace KannadaKit.Lexicon.Tests;

public class PhoneticKeyTests
{
    [Theory]
    [InlineData("ಭಾರತ", "ಬಾರತ")] // aspiration
    [InlineData("ಕನ್ನಡ", "ಕನಡ")] // gemination
    [InlineData("ಶಾಲೆ", "ಸಾಲೆ")] // sibilants
    [InlineData("ಕಾಳು", "ಕಾಲು")] // ಳ/ಲ
    [InlineData("ಕೈ", "ಕಯ್")] // Bhat's ಐ → ಅಯ್
    [InlineData("ಮಠ", "ಮಟ")]
    [InlineData("ಪುಸ್ತಕ", "ಪೂಸ್ತಕ")] // vowel length
    public void SpellingsThatSoundAlikeShareAKey(string a, string b) =>
        Assert.Equal(PhoneticKey.OfKannada(a), PhoneticKey.OfKannada(b));

    [Theory]
    [InlineData("ಮನೆ", "ಮಗು")]
    [InlineData("ಕಲ್ಲು", "ಕಣ್ಣು")]
    [InlineData("ಪಾಲು", "ಬಾಲು")]
    public void DifferentWordsKeepDifferentKeys(string a, string b) =>
        Assert.NotEqual(PhoneticKey.OfKannada(a), PhoneticKey.OfKannada(b));

    [Theory]
    [InlineData("kannada", "ಕನ್ನಡ")]
    [InlineData("Kannada", "ಕನ್ನಡ")]
    [InlineData("kannaDa", "ಕನ್ನಡ")]
    [InlineData("bhaarata", "ಭಾರತ")]
    [InlineData("bharatha", "ಭಾರತ")]
    [InlineData("mane", "ಮನೆ")]
    [InlineData("shaale", "ಶಾಲೆ")]
    [InlineData("pustaka", "ಪುಸ್ತಕ")]
    [InlineData("bhāṣe", "ಭಾಷೆ")]
    public void LatinInputMeetsTheKannadaKey(string latin, string kannada) =>
        Assert.Equal(PhoneticKey.OfKannada(kannada), PhoneticKey.OfLatin(latin));

    [Fact]
    public void KeyIsAsciiAndStable()
    {
        foreach (var w in new[] { "ಕನ್ನಡ", "ಜ್ಞಾನ", "ಕ್ಷೇತ್ರ", "ಸಾಫ್ಟ್‌ವೇರ್", "ಹೃದಯ" })
        {
            string k = PhoneticKey.OfKannada(w);
            Assert.NotEmpty(k);
            Assert.All(k, c => Assert.InRange(c, '!', '~'));
            Assert.Equal(k, PhoneticKey.OfKannada(w.Normalize(System.Text.NormalizationForm.FormD)));
        }
    }

    [Fact]
    public void LatinDetection()
    {
        Assert.True(PhoneticKey.IsLatin("kannada"));
        Assert.True(PhoneticKey.IsLatin("bhāṣe"));
        Assert.False(PhoneticKey.IsLatin("ಕನ್ನಡ"));
        Assert.False(PhoneticKey.IsLatin("123"));
    }

    [Fact]
    public void PronouncerGivesIsoAndIpa()
    {
        var p = Pronouncer.Of("ಕನ್ನಡ");
        Assert.Equal("kannaḍa", p.Iso15919);
        Assert.Equal("kɐnːɐɖɐ", p.Ipa); // inherent a as ɐ, gemination as length
    }
}
