namespace KannadaKit.Tokenizers.Tests.Normalizers;

/// <summary>
/// BertNormalizer's clean_text as the HF library does it (outputs recorded from npm tokenizers@0.23.2's
/// bertNormalizer): control (Cc), format (Cf) and private-use (Co) characters go; unassigned ones (Cn) stay.
/// Regression: we also dropped Cn, so a stray U+0CBB in the 5 MB Kannada corpus lost its token.
/// </summary>
public sealed class BertNormalizerTests
{
    [Theory]
    [InlineData(0x0CBB, true)]   // unassigned, in Kannada's block
    [InlineData(0x0378, true)]   // unassigned
    [InlineData(0xFFFF, true)]   // a noncharacter (Cn)
    [InlineData(0x0CF4, true)]   // unassigned
    [InlineData(0xE000, false)]  // private use
    [InlineData(0x10FFFD, false)]
    [InlineData(0x200B, false)]  // ZWSP, a format character
    [InlineData(0x0007, false)]  // BEL
    public void CleanText_KeepsUnassignedAndDropsControls(int codePoint, bool kept)
    {
        var tokenizer = HfTokenizer.FromFile(Fixture.Hf("wordpiece-bert.json"));
        var text = "ಕ" + char.ConvertFromUtf32(codePoint) + "ನ";
        var pieces = new List<string>();
        tokenizer.PreTokenize(text, pieces);
        Assert.Equal(kept ? text : "ಕನ", string.Concat(pieces));
    }
}
