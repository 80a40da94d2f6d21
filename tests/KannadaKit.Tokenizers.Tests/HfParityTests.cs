using System.Text;
using System.Text.Json.Nodes;
using KannadaKit.Testing;

namespace KannadaKit.Tokenizers.Tests;

/// <summary>
/// Our runtime against the Hugging Face library's own output (npm tokenizers@0.23.2), recorded by
/// tools/make-tokenizer-fixtures.sh on four tokenizers it trained and on 39 component variants.
/// </summary>
public class HfParityTests
{
    public static TheoryData<string> Tokenizers => new() { "bytelevel-bpe", "unigram-metaspace", "bpe-bytefallback", "wordpiece-bert" };

    public static TheoryData<string> Variants => new(Fixture.Jsonl(Fixture.Hf("matrix.jsonl")).Select(r => r["name"]!.GetValue<string>()));

    [Theory]
    [MemberData(nameof(Tokenizers))]
    public void SentencesMatchHuggingFace(string name)
    {
        var tokenizer = HfTokenizer.FromFile(Fixture.Hf(name + ".json"));
        var failures = Compare(tokenizer, Fixture.Jsonl(Fixture.Hf(name + ".sentences.jsonl")), pairs: true);
        Assert.True(failures.Count == 0, $"{name}: {failures.Count} differences\n" + string.Join("\n", failures.Take(15)));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void ComponentVariantsMatchHuggingFace(string variant)
    {
        var record = Fixture.Jsonl(Fixture.Hf("matrix.jsonl")).Single(r => r["name"]!.GetValue<string>() == variant);
        var baseJson = File.ReadAllText(Fixture.Hf(record["base"]!.GetValue<string>() + ".json"));
        var tokenizer = HfTokenizer.FromJson(Fixture.WithOverride(baseJson, record["override"]!.AsObject()), variant);
        var failures = Compare(tokenizer, record["results"]!.AsArray().Select(r => r!.AsObject()), pairs: false);
        Assert.True(failures.Count == 0, $"{variant}: {failures.Count} differences\n" + string.Join("\n", failures.Take(15)));
    }

    [SharedDataTheory("corpora/flores200/kan_Knda.dev", "corpora/flores200/eng_Latn.dev")]
    [MemberData(nameof(Tokenizers))]
    public void FloresMatchesHuggingFaceOnEveryLine(string name)
    {
        var tokenizer = HfTokenizer.FromFile(Fixture.Hf(name + ".json"));
        var texts = new Dictionary<string, string[]>
        {
            ["kn"] = File.ReadAllLines(SharedData.PathOf("corpora/flores200/kan_Knda.dev")),
            ["en"] = File.ReadAllLines(SharedData.PathOf("corpora/flores200/eng_Latn.dev")),
        };
        var failures = new List<string>();
        var lines = 0;
        foreach (var row in Fixture.Jsonl(Fixture.Hf(name + ".flores.jsonl")))
        {
            lines++;
            var set = row["set"]!.GetValue<string>();
            var line = row["line"]!.GetValue<int>();
            var ids = tokenizer.EncodeToIds(texts[set][line - 1]);
            var decoded = tokenizer.Decode(ids);
            if (Fixture.Sha(string.Join(' ', ids)) != row["ids_hash"]!.GetValue<string>())
            {
                failures.Add($"{set}:{line}: ids differ ({ids.Count} tokens, HF {row["count"]})");
            }
            else if (Fixture.Sha(decoded) != row["decoded_hash"]!.GetValue<string>())
            {
                failures.Add($"{set}:{line}: decode differs");
            }
        }

        Assert.Equal(997 * 2, lines);
        Assert.True(failures.Count == 0, $"{name}: {failures.Count} of {lines} lines differ\n" + string.Join("\n", failures.Take(15)));
    }

    private static List<string> Compare(HfTokenizer tokenizer, IEnumerable<JsonObject> rows, bool pairs)
    {
        var failures = new List<string>();
        var all = rows.ToList();
        var i = 0;
        foreach (var row in all)
        {
            i++;
            var text = row["text"]!.GetValue<string>();
            var where = $"line {i} \"{Short(text)}\"";
            try
            {
                var e = tokenizer.Encode(text);
                Check(failures, where, "ids", Fixture.Ints(row["ids"]), e.Ids);
                Check(failures, where, "tokens", Fixture.Strings(row["tokens"]), e.Tokens);
                Check(failures, where, "type ids", Fixture.Ints(row["type_ids"]), e.TypeIds);
                Check(failures, where, "special mask", Fixture.Ints(row["special_mask"]), e.SpecialTokensMask.Select(b => b ? 1 : 0).ToArray());
                var offsets = row["offsets"]!.AsArray().Select(o => Fixture.ToUtf16((o![0]!.GetValue<int>(), o[1]!.GetValue<int>()), text))
                    .Select(o => $"{o.Item1}-{o.Item2}").ToArray();
                Check(failures, where, "offsets", offsets, e.Offsets.Select(o => $"{o.Start}-{o.End}").ToArray());
                Check(failures, where, "ids without specials", Fixture.Ints(row["ids_plain"]), tokenizer.EncodeToIds(text, addSpecialTokens: false));
                Check(failures, where, "decode", [row["decoded"]!.GetValue<string>()], [tokenizer.Decode(e.Ids)]);
                Check(failures, where, "decode keeping specials", [row["decoded_keep"]!.GetValue<string>()], [tokenizer.Decode(e.Ids, skipSpecialTokens: false)]);
                if (pairs)
                {
                    // The generator paired each sentence with the next one (wrapping round).
                    var second = all[i % all.Count]["text"]!.GetValue<string>();
                    var p = tokenizer.EncodePair(text, second);
                    Check(failures, where, "pair ids", Fixture.Ints(row["pair_ids"]), p.Ids);
                    Check(failures, where, "pair type ids", Fixture.Ints(row["pair_type_ids"]), p.TypeIds);
                }
            }
            catch (Exception ex) when (ex is TokenizerException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or KeyNotFoundException)
            {
                failures.Add($"{where}: threw {ex.GetType().Name}: {ex.Message}");
            }
        }

        return failures;
    }

    private static void Check<T>(List<string> failures, string where, string what, IReadOnlyList<T> expected, IReadOnlyList<T> actual)
    {
        if (!expected.SequenceEqual(actual))
        {
            failures.Add($"{where}: {what}\n    HF:  {string.Join(" ", expected)}\n    ours: {string.Join(" ", actual)}");
        }
    }

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
