using KannadaKit.Testing;
using KannadaKit.Tokenizers.SentencePiece;

namespace KannadaKit.Tokenizers.Tests.SentencePiece;

/// <summary>
/// Our SentencePiece runtime against spm_encode/spm_decode (Debian sentencepiece 0.1.97) on models spm_train made,
/// recorded by tools/make-tokenizer-fixtures.sh.
/// </summary>
public class SentencePieceParityTests
{
    public static TheoryData<string> Models => new() { "spm-unigram", "spm-bpe" };

    [Theory]
    [MemberData(nameof(Models))]
    public void SentencesMatchSpmEncode(string name)
    {
        var tokenizer = SentencePieceTokenizer.FromFile(Fixture.Spm(name + ".model"));
        var failures = new List<string>();
        var i = 0;
        foreach (var row in Fixture.Jsonl(Fixture.Spm(name + ".sentences.jsonl")))
        {
            i++;
            var text = row["text"]!.GetValue<string>();
            var ids = tokenizer.EncodeToIds(text);
            var expected = Fixture.Ints(row["ids"]);
            if (!expected.SequenceEqual(ids))
            {
                failures.Add($"line {i} \"{text}\"\n    spm:  {string.Join(' ', Fixture.Strings(row["pieces"]))}\n    ours: {string.Join(' ', ids.Select(id => tokenizer.IdToToken(id)))}");
            }

            var decoded = tokenizer.Decode(expected);
            if (decoded != row["decoded"]!.GetValue<string>())
            {
                failures.Add($"line {i}: decode\n    spm:  {row["decoded"]}\n    ours: {decoded}");
            }
        }

        Assert.True(failures.Count == 0, $"{name}: {failures.Count} differences\n" + string.Join("\n", failures.Take(12)));
    }

    [SharedDataTheory("corpora/flores200/kan_Knda.dev", "corpora/flores200/eng_Latn.dev")]
    [MemberData(nameof(Models))]
    public void FloresMatchesSpmEncodeOnEveryLine(string name)
    {
        var tokenizer = SentencePieceTokenizer.FromFile(Fixture.Spm(name + ".model"));
        var texts = new Dictionary<string, string[]>
        {
            ["kn"] = File.ReadAllLines(SharedData.PathOf("corpora/flores200/kan_Knda.dev")),
            ["en"] = File.ReadAllLines(SharedData.PathOf("corpora/flores200/eng_Latn.dev")),
        };
        var failures = new List<string>();
        var lines = 0;
        foreach (var row in Fixture.Jsonl(Fixture.Spm(name + ".flores.jsonl")))
        {
            lines++;
            var set = row["set"]!.GetValue<string>();
            var line = row["line"]!.GetValue<int>();
            var ids = tokenizer.EncodeToIds(texts[set][line - 1]);
            if (Fixture.Sha(string.Join(' ', ids)) != row["ids_hash"]!.GetValue<string>())
            {
                failures.Add($"{set}:{line}: ids differ ({ids.Count} tokens, spm {row["count"]})");
            }
            else if (Fixture.Sha(tokenizer.Decode(ids)) != row["decoded_hash"]!.GetValue<string>())
            {
                failures.Add($"{set}:{line}: decode differs");
            }
        }

        Assert.Equal(997 * 2, lines);
        Assert.True(failures.Count == 0, $"{name}: {failures.Count} of {lines} lines differ\n" + string.Join("\n", failures.Take(12)));
    }
}
