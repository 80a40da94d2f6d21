using System.Buffers;
using MlTokenizer = Microsoft.ML.Tokenizers.Tokenizer;

namespace KannadaKit.Tokenizers.Tests;

/// <summary>
/// Every fixture tokenizer driven only through <see cref="MlTokenizer"/>, the Microsoft.ML.Tokenizers base class, as a
/// .NET consumer of that class would: ids and offsets equal the reference libraries' (with their defaults: special
/// tokens as the post-processor adds them), and CountTokens, GetIndexByTokenCount (both ends) and both Decode overloads
/// keep the base contract.
/// </summary>
public class BaseClassConformanceTests
{
    public static TheoryData<string> Files => new()
    {
        "hf/bytelevel-bpe", "hf/unigram-metaspace", "hf/bpe-bytefallback", "hf/wordpiece-bert", "spm/spm-unigram", "spm/spm-bpe",
    };

    private static (MlTokenizer Tokenizer, List<(string Text, int[] Ids, string Decoded)> Rows) Load(string file)
    {
        var hf = file.StartsWith("hf/", StringComparison.Ordinal);
        var path = hf ? Fixture.Hf(file[3..] + ".json") : Fixture.Spm(file[4..] + ".model");
        MlTokenizer tokenizer = TokenizerFile.Load(path);
        var rows = Fixture.Jsonl(hf ? Fixture.Hf(file[3..] + ".sentences.jsonl") : Fixture.Spm(file[4..] + ".sentences.jsonl"))
            .Select(r => (r["text"]!.GetValue<string>(), Fixture.Ints(r["ids"]), r["decoded"]!.GetValue<string>()))
            .ToList();
        return (tokenizer, rows);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EncodeToIds_ThroughTheBaseClass_GivesTheReferenceIds(string file)
    {
        var (tokenizer, rows) = Load(file);
        foreach (var (text, ids, _) in rows)
        {
            Assert.Equal(ids, tokenizer.EncodeToIds(text));
            Assert.Equal(ids, tokenizer.EncodeToIds(text.AsSpan()));
            Assert.Equal(ids.Length, tokenizer.CountTokens(text));
            Assert.Equal(ids.Length, tokenizer.CountTokens(text.AsSpan()));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void SpanOverloads_OnASliceOfALargerBuffer_SeeOnlyTheSlice(string file)
    {
        // Each text sits between other text (special-token look-alikes and Kannada) in one array: the span overloads
        // must encode exactly the slice, with offsets relative to it, whatever pooled buffer they copy it into.
        var (tokenizer, rows) = Load(file);
        var ours = (Tokenizer)tokenizer;
        foreach (var (text, ids, _) in rows)
        {
            const string Before = "</s><s> ಕನ್ನಡ ";
            var buffer = (Before + text + " [SEP]ಕ್ಷ").ToCharArray();
            var slice = buffer.AsSpan(Before.Length, text.Length);
            Assert.Equal(text, slice.ToString());
            Assert.Equal(ids, tokenizer.EncodeToIds(slice));
            Assert.Equal(ids.Length, tokenizer.CountTokens(slice));
            var fromSpan = ours.Encode(slice);
            var fromString = ours.Encode(text);
            Assert.Equal(fromString.Ids, fromSpan.Ids);
            Assert.Equal(fromString.Tokens, fromSpan.Tokens);
            Assert.Equal(fromString.Offsets, fromSpan.Offsets);
            var budget = Math.Max(1, ids.Length / 2);
            Assert.Equal(ours.EncodeToIds(text, budget, out var fromStringConsumed), ours.EncodeToIds(slice, budget, out var fromSpanConsumed));
            Assert.Equal(fromStringConsumed, fromSpanConsumed);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EncodeToTokens_ThroughTheBaseClass_GivesIdsAndOffsetsIntoTheInput(string file)
    {
        var (tokenizer, rows) = Load(file);
        foreach (var (text, ids, _) in rows)
        {
            var tokens = tokenizer.EncodeToTokens(text, out var normalized);
            Assert.Null(normalized); // offsets point into the text given, not a normalized copy
            Assert.Equal(ids, tokens.Select(t => t.Id));
            foreach (var t in tokens)
            {
                var (start, length) = t.Offset.GetOffsetAndLength(text.Length);
                Assert.InRange(start, 0, text.Length);
                Assert.InRange(start + length, start, text.Length);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void GetIndexByTokenCount_FromTheStart_NeverExceedsTheBudgetAndGrowsWithIt(string file)
    {
        var (tokenizer, rows) = Load(file);
        foreach (var (text, ids, _) in rows)
        {
            var previous = 0;
            for (var budget = 1; budget <= ids.Length; budget++)
            {
                var index = tokenizer.GetIndexByTokenCount(text, budget, out var normalized, out var count);
                Assert.Null(normalized);
                Assert.InRange(count, 0, budget);
                Assert.InRange(index, previous, text.Length);
                var head = tokenizer.EncodeToIds(text, budget, out _, out var consumed);
                Assert.Equal(index, consumed);
                Assert.Equal(count, head.Count);
                previous = index;
            }
            if (ids.Length == 0)
            {
                // A budget must be positive (the base class's contract); an empty text fits any.
                Assert.Throws<ArgumentOutOfRangeException>(() => tokenizer.GetIndexByTokenCount(text, 0, out _, out _));
                Assert.Equal(0, tokenizer.GetIndexByTokenCount(text, 1, out _, out var none));
                Assert.Equal(0, none);
                continue;
            }
            Assert.Equal(text.Length, tokenizer.GetIndexByTokenCount(text, ids.Length, out _, out var all));
            Assert.Equal(ids.Length, all);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void GetIndexByTokenCountFromEnd_NeverExceedsTheBudgetAndMovesLeftWithIt(string file)
    {
        var (tokenizer, rows) = Load(file);
        foreach (var (text, ids, _) in rows)
        {
            var previous = text.Length;
            for (var budget = 1; budget <= ids.Length; budget++)
            {
                var index = tokenizer.GetIndexByTokenCountFromEnd(text, budget, out var normalized, out var count);
                Assert.Null(normalized);
                Assert.InRange(count, 0, budget);
                Assert.InRange(index, 0, previous);
                // The suffix from the index is whole characters of the input (never inside a surrogate pair).
                Assert.False(index > 0 && index < text.Length && char.IsLowSurrogate(text[index]));
                previous = index;
            }
            if (ids.Length > 0)
            {
                var whole = tokenizer.GetIndexByTokenCountFromEnd(text, ids.Length, out _, out _);
                Assert.Equal(LeadingTrimmed(tokenizer, text), whole);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Decode_BothOverloads_GiveTheReferenceText(string file)
    {
        var (tokenizer, rows) = Load(file);
        foreach (var (_, ids, decoded) in rows)
        {
            Assert.Equal(decoded, tokenizer.Decode(ids));
            var room = new char[decoded.Length + 8];
            Assert.Equal(OperationStatus.Done, tokenizer.Decode(ids, room, out var used, out var written));
            Assert.Equal(ids.Length, used);
            Assert.Equal(decoded, new string(room, 0, written));
            if (decoded.Length > 1)
            {
                var small = new char[decoded.Length / 2];
                Assert.Equal(OperationStatus.DestinationTooSmall, tokenizer.Decode(ids, small, out used, out written));
                Assert.InRange(used, 0, ids.Length - 1);
                Assert.InRange(written, 0, small.Length);
                Assert.Equal(tokenizer.Decode(ids.Take(used)), new string(small, 0, written));
            }
        }
    }

    /// <summary>Where the first content token starts (a tokenizer's offsets may skip leading white space it drops).</summary>
    private static int LeadingTrimmed(MlTokenizer tokenizer, string text)
    {
        var tokens = tokenizer.EncodeToTokens(text, out _);
        foreach (var t in tokens)
        {
            var (start, length) = t.Offset.GetOffsetAndLength(text.Length);
            if (length > 0)
            {
                return start;
            }
        }
        return text.Length;
    }
}
