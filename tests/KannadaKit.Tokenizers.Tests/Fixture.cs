using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KannadaKit.Tokenizers.Tests;

/// <summary>Paths and readers for the generated fixtures (tools/make-tokenizer-fixtures.sh).</summary>
internal static class Fixture
{
    public static string Dir => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Hf(string name) => Path.Combine(Dir, "hf", name);

    public static string Spm(string name) => Path.Combine(Dir, "spm", name);

    public static IEnumerable<JsonObject> Jsonl(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject());

    public static int[] Ints(JsonNode? node) => node!.AsArray().Select(n => n!.GetValue<int>()).ToArray();

    public static string[] Strings(JsonNode? node) => node!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    /// <summary>The fixtures' line digest: the first 16 hex digits of SHA-256 over UTF-8.</summary>
    public static string Sha(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..16];

    /// <summary>HF's bindings count offsets in code points; ours are UTF-16 units.</summary>
    public static (int, int) ToUtf16((int Start, int End) codePoints, string text)
    {
        var map = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsLowSurrogate(text[i]))
            {
                map.Add(i);
            }
        }

        map.Add(text.Length);
        int At(int cp) => cp < map.Count ? map[cp] : text.Length;
        return (At(codePoints.Start), At(codePoints.End));
    }

    /// <summary>Applies a matrix record's override to its base tokenizer.json (models are merged field by field).</summary>
    public static string WithOverride(string baseJson, JsonObject over)
    {
        var root = JsonNode.Parse(baseJson)!.AsObject();
        foreach (var (key, value) in over)
        {
            if (key == "model")
            {
                foreach (var (mk, mv) in value!.AsObject())
                {
                    root["model"]![mk] = mv?.DeepClone();
                }
            }
            else
            {
                root[key] = value?.DeepClone();
            }
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    /// <summary>The byte-level BPE fixture with its pre-tokenizer replaced by a Split on <paramref name="pattern"/>
    /// (isolated, as a regex) followed by a plain ByteLevel step.</summary>
    public static string ByteLevelWithSplit(string pattern) => WithOverride(File.ReadAllText(Hf("bytelevel-bpe.json")), new JsonObject
    {
        ["pre_tokenizer"] = new JsonObject
        {
            ["type"] = "Sequence",
            ["pretokenizers"] = new JsonArray(
                new JsonObject { ["type"] = "Split", ["pattern"] = new JsonObject { ["Regex"] = pattern }, ["behavior"] = "Isolated", ["invert"] = false },
                new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = false, ["use_regex"] = false }),
        },
    });
}
