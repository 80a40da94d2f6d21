using KannadaKit.Text.Normalization;

namespace KannadaKit.Text.Tests.Normalization;

public class OffsetMapTests
{
    [Fact]
    public void NormalizeWithOffsets_DeletionsAndReplacements_MapBackToOriginal()
    {
        // "  ಬಸ್<ZWNJ>  ಮ೦ತ್ರಿ" → "ಬಸ್ ಮಂತ್ರಿ": leading spaces and the word-final ZWNJ go, the space run collapses, ೦ → ಂ.
        string input = "  ಬಸ್\u200C  ಮ೦ತ್ರಿ";
        var result = IndicNormalizer.Create().NormalizeWithOffsets(input);
        Assert.Equal("ಬಸ್ ಮಂತ್ರಿ", result.Text);

        int word2 = result.Text.IndexOf('ಮ', StringComparison.Ordinal);
        Assert.Equal(input.IndexOf('ಮ', StringComparison.Ordinal), result.Offsets.ToSource(word2));
        Assert.Equal(2, result.Offsets.ToSource(0)); // ಬ was at index 2
        var (start, end) = result.Offsets.ToSourceRange(word2, 6);
        Assert.Equal("ಮ೦ತ್ರಿ", input[start..end]);
        var (s0, e0) = result.Offsets.ToSourceRange(0, 3);
        Assert.Equal("ಬಸ್\u200C", input[s0..e0]); // the deleted joiner belongs to the word it ended
    }

    [Fact]
    public void NormalizeWithOffsets_MultipleLines_OffsetsIncludeLineStarts()
    {
        string input = "ಒಂದು\n ಎರಡು";
        var result = IndicNormalizer.Create().NormalizeWithOffsets(input);
        Assert.Equal("ಒಂದು\nಎರಡು", result.Text);
        Assert.Equal(input.IndexOf('ಎ', StringComparison.Ordinal), result.Offsets.ToSource(result.Text.IndexOf('ಎ', StringComparison.Ordinal)));
        Assert.Equal(4, result.Offsets.ToSource(4)); // the line feed
    }

    [Fact]
    public void Normalize_UnchangedString_ReturnsSameInstance()
    {
        string input = "ಕನ್ನಡ ನಾಡು";
        Assert.Same(input, IndicNormalizer.Create().Normalize(input));
    }

    [Fact]
    public void TryNormalize_SmallDestination_ReturnsFalse()
    {
        var normalizer = IndicNormalizer.Create(NormalizationProfile.Aggressive);
        Span<char> small = stackalloc char[3];
        Assert.False(normalizer.TryNormalize("ಹೀಗೆ…", small, out _));
        Span<char> big = stackalloc char[16];
        Assert.True(normalizer.TryNormalize("ಹೀಗೆ…", big, out int written));
        Assert.Equal("ಹೀಗೆ...", big[..written].ToString());
    }

    [Fact]
    public void WithRules_UnknownRule_ThrowsNamingTheKnownRules()
    {
        var e = Assert.Throws<RuleSpecException>(() => NormalizerOptions.Default.WithRules("+no-such-rule"));
        Assert.Contains("no-such-rule", e.Message, StringComparison.Ordinal);
        Assert.Contains("joiners", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithRules_BothDigitDirections_Throws()
    {
        Assert.Throws<RuleSpecException>(() => NormalizerOptions.ForProfile(NormalizationProfile.Aggressive).WithRules("+digits-native"));
    }
}
