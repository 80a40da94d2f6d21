using KannadaKit.Testing;
using KannadaKit.Text.Segmentation;
using KannadaKit.Text.Tests.Normalization;

namespace KannadaKit.Text.Tests.Segmentation;

public class WordTokenizerTests
{
    private static readonly Dictionary<string, TokenKind> s_kinds = new()
    {
        ["W"] = TokenKind.Word, ["N"] = TokenKind.Number, ["NS"] = TokenKind.NumberWithSuffix, ["S"] = TokenKind.Suffix,
        ["U"] = TokenKind.Url, ["E"] = TokenKind.Email, ["H"] = TokenKind.Handle, ["T"] = TokenKind.Hashtag,
        ["P"] = TokenKind.Punctuation, ["Y"] = TokenKind.Symbol,
    };

    public static TheoryData<SegmentationSpec> Specs() => SegmentationSpec.TheoryData("words.tsv");

    [Theory]
    [MemberData(nameof(Specs))]
    public void Tokenize_SpecExample_GivesHandCheckedTokensAndKinds(SegmentationSpec spec)
    {
        var tokenizer = new WordTokenizer(new WordTokenizerOptions { SplitNumberSuffixes = spec.Options == "split" });
        var result = tokenizer.Tokenize(spec.Input);
        Assert.Equal(string.Join("|", spec.Units.Select(NormalizationSpec.Escape)), string.Join("|", result.Tokens.Select(t => NormalizationSpec.Escape(t.Text))));
        Assert.Equal(spec.Kinds!.Select(k => s_kinds[k]), result.Tokens.Select(t => t.Kind));
        Assert.Equal(spec.Input, result.Detokenize());
        foreach (var t in result.Tokens)
        {
            Assert.Equal(t.Text, spec.Input.Substring(t.Start, t.Length));
        }
    }

    [SharedDataFact(Corpora.Wiki5MB)]
    public void Tokenize_Wiki5MB_DetokenizesToTheOriginalOnEveryLine()
    {
        var tokenizer = WordTokenizer.Default;
        var split = new WordTokenizer(new WordTokenizerOptions { SplitNumberSuffixes = true });
        foreach (string line in Corpora.ReadLines(Corpora.Wiki5MB))
        {
            Assert.Equal(line, tokenizer.Tokenize(line).Detokenize());
            Assert.Equal(line, split.Tokenize(line).Detokenize());
        }
    }

    [SharedDataFact(Corpora.Wiki5MB)]
    public void Tokenize_Wiki5MB_NoWordStartsWithAVowelSignAfterALetter()
    {
        // The \w pitfall: a tokenizer that drops Mc vowel signs would start tokens with them.
        string text = File.ReadAllText(SharedData.PathOf(Corpora.Wiki5MB));
        foreach (var (kind, seg) in WordTokenizer.Default.Enumerate(text))
        {
            if (seg.Start > 0 && KannadaKit.Text.Scripts.IndicScripts.Kannada.IsMark(text[seg.Start]))
            {
                Assert.False(KannadaKit.Text.Scripts.IndicScripts.Kannada.IsLetter(text[seg.Start - 1]),
                    $"{kind} at {seg.Start} starts with a mark: {NormalizationSpec.Escape(text.Substring(seg.Start - 3, 10))}");
            }
        }
    }
}
