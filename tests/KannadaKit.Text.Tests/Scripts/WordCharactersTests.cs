using System.Text.RegularExpressions;
using KannadaKit.Text.Scripts;

namespace KannadaKit.Text.Tests.Scripts;

/// <summary>The one word-character definition: Kannada vowel signs, viramas and joiners are inside words, and the
/// predicate and the regex class strings agree on every UTF-16 unit.</summary>
public sealed class WordCharactersTests
{
    [Theory]
    [InlineData('ಕ')]
    [InlineData('\u0CBE')] // ಾ vowel sign AA, a spacing mark (Mc) that char.IsLetterOrDigit misses
    [InlineData('\u0CCD')] // virama
    [InlineData('\u0C82')] // anusvara
    [InlineData('೧')]
    [InlineData('\u200C')]
    [InlineData('\u200D')]
    [InlineData('a')]
    [InlineData('क')]
    public void WordCharacters_AreWordChars(char c) => Assert.True(WordCharacters.IsWordChar(c));

    [Theory]
    [InlineData(' ')]
    [InlineData('।')]
    [InlineData('.')]
    [InlineData('-')]
    [InlineData('\u00A0')]
    [InlineData('_')]
    public void Separators_AreNot(char c) => Assert.False(WordCharacters.IsWordChar(c));

    [Fact]
    public void VowelSign_IsMissedByTheBclButNotByUs()
    {
        Assert.False(char.IsLetterOrDigit('\u0CBE'));
        Assert.Matches(new Regex("^[" + WordCharacters.WordClass + "]+$"), "ಕನ್ನಡದ‌ಬಾವುಟ೧೨");
        Assert.DoesNotMatch(new Regex(@"^\w+$"), "ಕನ್ನಡದ‌ಬಾವುಟ೧೨");
    }

    [Fact]
    public void PredicatesAndRegexClasses_AgreeOnEveryUtf16Unit()
    {
        var word = new Regex("[" + WordCharacters.WordClass + "]", RegexOptions.CultureInvariant);
        var letter = new Regex("[" + WordCharacters.LetterClass + "]", RegexOptions.CultureInvariant);
        for (var c = 0; c < 0x10000; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            var s = ((char)c).ToString();
            Assert.True(word.IsMatch(s) == WordCharacters.IsWordChar((char)c), $"U+{c:X4} word");
            Assert.True(letter.IsMatch(s) == WordCharacters.IsLetterOrMark((char)c), $"U+{c:X4} letter");
            Assert.Equal(WordCharacters.IsWordChar((char)c), WordCharacters.IsWordChar(new System.Text.Rune(c)));
        }
    }
}
