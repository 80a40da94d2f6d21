using System.Text.Json;

namespace KannadaKit.Generation.Chat;

/// <summary>
/// A model's chat template (the Jinja <c>chat_template</c> of tokenizer_config.json), rendered the way transformers'
/// <c>apply_chat_template</c> does, with <c>messages</c>, <c>add_generation_prompt</c>, <c>bos_token</c> and
/// <c>eos_token</c> defined. Immutable and thread-safe.
/// </summary>
public sealed class ChatTemplate
{
    private readonly JinjaTemplate _template;
    private readonly string _bos;
    private readonly string _eos;

    /// <summary>Parses a template.</summary>
    /// <exception cref="TemplateException">When the template uses syntax outside the supported subset.</exception>
    public ChatTemplate(string source, string bosToken = "", string eosToken = "")
    {
        ArgumentNullException.ThrowIfNull(source);
        Source = source;
        _template = new JinjaTemplate(source);
        _bos = bosToken;
        _eos = eosToken;
    }

    /// <summary>The template text.</summary>
    public string Source { get; }

    /// <summary>Renders a conversation to the prompt text the model was trained on.</summary>
    /// <exception cref="TemplateException">When the template raises (e.g. roles out of order) or fails.</exception>
    public string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt = true)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages.Select(m => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["role"] = m.Role,
            ["content"] = m.Content,
        }).ToList();
        return _template.Render(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["messages"] = list,
            ["add_generation_prompt"] = addGenerationPrompt,
            ["bos_token"] = _bos,
            ["eos_token"] = _eos,
        });
    }

    /// <summary>Reads <c>chat_template</c> (a string, or a list of named templates where "default" is used) with the
    /// BOS and EOS token strings from tokenizer_config.json; null when the file or the template is absent.</summary>
    /// <exception cref="GenerationException">When the file is not valid JSON or the template cannot be parsed.</exception>
    public static ChatTemplate? FromTokenizerConfig(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("chat_template", out var t))
            {
                return null;
            }
            var source = t.ValueKind switch
            {
                JsonValueKind.String => t.GetString(),
                JsonValueKind.Array => Named(t, path),
                _ => null,
            };
            return source is null ? null : new ChatTemplate(source, TokenText(root, "bos_token"), TokenText(root, "eos_token"));
        }
        catch (JsonException e)
        {
            throw new GenerationException($"{path}: invalid JSON at line {(e.LineNumber ?? 0) + 1}: expected a JSON object");
        }
        catch (TemplateException e)
        {
            throw new GenerationException($"{path}: chat_template: {e.Message}", e);
        }
    }

    /// <summary>The "default" entry of a list of named templates; every entry must be {"name": …, "template": …}
    /// (regression: a non-object entry was an internal error).</summary>
    private static string? Named(JsonElement list, string path)
    {
        var i = 0;
        string? found = null;
        foreach (var e in list.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String
                || !e.TryGetProperty("template", out var body) || body.ValueKind != JsonValueKind.String)
            {
                throw new GenerationException($"{path}: chat_template[{i}]: expected an object with string \"name\" and \"template\"");
            }
            if (found is null && n.GetString() == "default")
            {
                found = body.GetString();
            }
            i++;
        }
        return found;
    }

    private static string TokenText(JsonElement root, string key) =>
        !root.TryGetProperty(key, out var v) ? ""
        : v.ValueKind == JsonValueKind.String ? v.GetString() ?? ""
        : v.ValueKind == JsonValueKind.Object && v.TryGetProperty("content", out var c) ? c.GetString() ?? ""
        : "";
}
