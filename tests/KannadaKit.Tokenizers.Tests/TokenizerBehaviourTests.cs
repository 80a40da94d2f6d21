using System.Text;
using KannadaKit.Tokenizers.SentencePiece;

namespace KannadaKit.Tokenizers.Tests;

/// <summary>API behaviour on real Kannada text: offsets, round trips, truncation, batches and threads.</summary>
public class TokenizerBehaviourTests
{
    private static readonly string[] Sentences = File.ReadAllLines(Path.Combine(Fixture.Dir, "sentences.txt"));

    private static HfTokenizer ByteLevel() => HfTokenizer.FromFile(Fixture.Hf("bytelevel-bpe.json"));

    [Fact]
    public void ByteLevelDecodeRestoresEveryLineExactly()
    {
        var tokenizer = ByteLevel();
        foreach (var line in Sentences)
        {
            Assert.Equal(line, tokenizer.Decode(tokenizer.EncodeToIds(line)));
        }
    }

    [Fact]
    public void OffsetsPointIntoTheOriginalText()
    {
        // Unigram fixture: NFKC-style charsmap and space collapsing change the text, offsets still index the input.
        var tokenizer = HfTokenizer.FromFile(Fixture.Hf("unigram-metaspace.json"));
        const string text = "ಕನ್ನಡ   ಭಾಷೆ ಮತ್ತು ＡＢＣ";
        var tokens = tokenizer.EncodeToTokens(text, addSpecialTokens: false);
        var covered = string.Concat(tokens.Select(t => text[t.Offset]));
        // Three spaces collapse to one ▁, which HF aligns with the last of them; ＡＢＣ becomes ABC yet points at ＡＢＣ.
        Assert.Equal("ಕನ್ನಡ ಭಾಷೆ ಮತ್ತು ＡＢＣ", covered);
        Assert.All(tokens, t => Assert.True(t.Offset.End.Value <= text.Length));
    }

    [Fact]
    public void CountTokensEqualsTheNumberOfIds()
    {
        var tokenizer = HfTokenizer.FromFile(Fixture.Hf("wordpiece-bert.json"));
        foreach (var line in Sentences)
        {
            Assert.Equal(tokenizer.EncodeToIds(line).Count, tokenizer.CountTokens(line));
            Assert.Equal(tokenizer.EncodeToIds(line, false).Count, tokenizer.CountTokens(line.AsSpan(), false));
        }
    }

    [Fact]
    public void TruncationKeepsWholeCharactersAndReportsWhereItStopped()
    {
        var tokenizer = ByteLevel();
        const string text = "ಬೆಂಗಳೂರು ಕರ್ನಾಟಕ ರಾಜ್ಯದ ರಾಜಧಾನಿ.";
        var full = tokenizer.EncodeToIds(text);
        for (var budget = 1; budget <= full.Count; budget++)
        {
            var ids = tokenizer.EncodeToIds(text, budget, out var consumed);
            Assert.True(ids.Count <= budget, $"budget {budget}: {ids.Count} ids");
            Assert.Equal(full[0], ids[0]); // <|begin_of_text|> always kept
            // The kept ids decode to exactly the consumed prefix: no character was cut in half.
            Assert.Equal(text[..consumed], tokenizer.Decode(ids));
        }

        Assert.Equal(full, tokenizer.EncodeToIds(text, full.Count, out var all));
        Assert.Equal(text.Length, all);
        Assert.Empty(tokenizer.EncodeToIds(text, 0, out var none));
        Assert.Equal(0, none);
    }

    [Fact]
    public void BatchEncodingEqualsOneByOne()
    {
        var tokenizer = HfTokenizer.FromFile(Fixture.Hf("bpe-bytefallback.json"));
        var texts = Enumerable.Range(0, 20).SelectMany(_ => Sentences).ToList();
        var batch = tokenizer.EncodeBatchToIds(texts);
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(tokenizer.EncodeToIds(texts[i]), batch[i]);
        }
    }

    [Fact]
    public void SharedInstanceIsThreadSafe()
    {
        var tokenizer = HfTokenizer.FromFile(Fixture.Hf("unigram-metaspace.json"));
        var expected = Sentences.Select(s => string.Join(' ', tokenizer.EncodeToIds(s))).ToArray();
        Parallel.For(0, 4000, i =>
        {
            var s = i % Sentences.Length;
            Assert.Equal(expected[s], string.Join(' ', tokenizer.EncodeToIds(Sentences[s])));
        });
    }

    [Fact]
    public void KannadaVowelSignsStayWithTheirConsonantUnderByteLevelSplitting()
    {
        // The fixture's pre-tokenizer is Llama-3's \p{L}+ pattern: it tears vowel signs off (the pitfall this library
        // exists to avoid); check we reproduce that faithfully rather than "fixing" it, since ids must match HF.
        var tokenizer = ByteLevel();
        var tokens = tokenizer.EncodeToTokens("ಕನ್ನಡ", addSpecialTokens: false);
        Assert.True(tokens.Count > 1);
    }

    [Fact]
    public void SentencePieceCanAddBosAndEos()
    {
        var plain = SentencePieceTokenizer.FromFile(Fixture.Spm("spm-unigram.model"));
        var framed = SentencePieceTokenizer.FromFile(Fixture.Spm("spm-unigram.model"), addBeginningOfSentence: true, addEndOfSentence: true);
        var ids = plain.EncodeToIds("ಕನ್ನಡ ಭಾಷೆ");
        var withSpecials = framed.EncodeToIds("ಕನ್ನಡ ಭಾಷೆ");
        Assert.Equal([1, .. ids, 2], withSpecials);
        Assert.Equal(ids, framed.EncodeToIds("ಕನ್ನಡ ಭಾಷೆ", addSpecialTokens: false));
        Assert.Equal("ಕನ್ನಡ ಭಾಷೆ", framed.Decode(withSpecials));
    }

    [Fact]
    public void TokenizerFileLoadsEitherFormat()
    {
        Assert.IsType<HfTokenizer>(TokenizerFile.Load(Fixture.Hf("wordpiece-bert.json")));
        Assert.IsType<SentencePieceTokenizer>(TokenizerFile.Load(Fixture.Spm("spm-bpe.model")));
    }

    [Fact]
    public void SpanAndStringOverloadsAgree()
    {
        var tokenizer = ByteLevel();
        var line = Sentences[1];
        Assert.Equal(tokenizer.EncodeToIds(line), tokenizer.EncodeToIds(line.AsSpan()));
        Assert.Equal(Encoding.UTF8.GetByteCount(line) > 0, tokenizer.CountTokens(line) > 1);
    }
}
