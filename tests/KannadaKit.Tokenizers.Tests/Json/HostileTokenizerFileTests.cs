using System.Text;
using System.Text.Json.Nodes;

namespace KannadaKit.Tokenizers.Tests.Json;

/// <summary>
/// Hostile tokenizer.json files are one-line format errors naming the file and where (regressions from a probe of
/// hostile inputs: these were internal errors — invalid UTF-8, an unpaired surrogate escape, an id of 2147483647, a
/// Metaspace replacement of "" — or silently accepted, as an added token with id 999999 was).
/// </summary>
public sealed class HostileTokenizerFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kk-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static JsonObject Base(string name) => JsonNode.Parse(File.ReadAllText(Fixture.Hf(name)))!.AsObject();

    private TokenizerFormatException Load(byte[] bytes)
    {
        var path = Path.Combine(_dir, "tokenizer.json");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<TokenizerFormatException>(() => TokenizerFile.Load(path));
        Assert.Equal(path, e.File);
        Assert.DoesNotContain('\n', e.Message);
        return e;
    }

    private TokenizerFormatException Load(JsonObject json) => Load(Encoding.UTF8.GetBytes(json.ToJsonString()));

    [Fact]
    public void InvalidUtf8_NamesTheByteOffset()
    {
        var text = Encoding.UTF8.GetBytes(Base("wordpiece-bert.json").ToJsonString());
        var at = Array.IndexOf(text, (byte)'[');
        var bytes = text[..at].Concat(new byte[] { 0xFF, 0xFE }).Concat(text[at..]).ToArray();
        var e = Load(bytes);
        Assert.Equal($"byte {at}", e.Location);
        Assert.StartsWith("invalid UTF-8", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void UnpairedSurrogateEscape_NamesTheJsonPath()
    {
        var text = Base("wordpiece-bert.json").ToJsonString().Replace("\"[UNK]\"", "\"\\ud800[UNK]\"", StringComparison.Ordinal);
        var e = Load(Encoding.UTF8.GetBytes(text));
        Assert.Contains("unpaired surrogate", e.Detail, StringComparison.Ordinal);
        Assert.StartsWith("$", e.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void UnpairedSurrogateEscapeInAKey_IsAFormatError()
    {
        // Found by fuzzing: looking up "vocab" compares it with every key, and a key with a lone surrogate made
        // System.Text.Json throw InvalidOperationException.
        var text = Base("wordpiece-bert.json").ToJsonString().Replace("\"type\"", "\"\\ud800type\"", StringComparison.Ordinal);
        var e = Load(Encoding.UTF8.GetBytes(text));
        Assert.Contains("key holds an unpaired surrogate", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorQuotingATokenWithALineBreak_IsOneLine()
    {
        // Found by fuzzing: a merge naming "\nF" made a two-line error.
        var json = Base("bytelevel-bpe.json");
        json["model"]!["merges"]!.AsArray()[0] = "\nF x";
        var e = Load(json);
        Assert.Contains("\"\\nF\"", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2147483647)]
    [InlineData(16777216)]
    [InlineData(-1)]
    public void VocabularyIdOutOfRange_IsRefused(long id)
    {
        var json = Base("wordpiece-bert.json");
        var vocab = json["model"]!["vocab"]!.AsObject();
        vocab[vocab.First().Key] = id;
        var e = Load(json);
        Assert.StartsWith("$.model.vocab[", e.Location, StringComparison.Ordinal);
        Assert.Equal($"id {id} is out of range (expected 0 to 16,777,215)", e.Detail);
    }

    [Fact]
    public void AddedTokenIdOutOfRange_IsRefused()
    {
        var json = Base("wordpiece-bert.json");
        json["added_tokens"]!.AsArray().Add(new JsonObject { ["id"] = 2147483647, ["content"] = "<x>", ["special"] = true });
        var e = Load(json);
        Assert.EndsWith("].id", e.Location, StringComparison.Ordinal);
        Assert.StartsWith("id 2147483647 is out of range", e.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("😀")]
    public void MetaspaceReplacementNotOneBmpCharacter_IsRefused(string replacement)
    {
        var json = Base("unigram-metaspace.json");
        SetMetaspace(json, replacement);
        var e = Load(json);
        Assert.EndsWith("replacement", e.Location, StringComparison.Ordinal);
    }

    private static void SetMetaspace(JsonNode? node, string replacement)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["type"]?.GetValue<string>() == "Metaspace")
                {
                    o["replacement"] = replacement;
                }
                foreach (var (_, v) in o.ToList())
                {
                    SetMetaspace(v, replacement);
                }
                break;
            case JsonArray a:
                foreach (var v in a)
                {
                    SetMetaspace(v, replacement);
                }
                break;
        }
    }
}
