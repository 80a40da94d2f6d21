using System.Text;
using System.Text.Json.Nodes;
using KannadaKit.Generation.Chat;

namespace KannadaKit.Testing.Fuzzing;

/// <summary>Chat templates: three of our own in the common shapes (ChatML, header-and-turn, alternating roles with
/// raise_exception, a macro) and, where the npm fixtures are installed, the real templates of the @lenml tokenizer
/// packages.</summary>
public sealed class ChatTemplateFuzzTarget : FuzzTarget
{
    private static readonly ChatMessage[] Conversation =
    [
        new("system", "ನೀವು ಸಹಾಯಕ."), new("user", "ಬೆಂಗಳೂರು ಎಲ್ಲಿದೆ?"), new("assistant", "ಕರ್ನಾಟಕದಲ್ಲಿ."), new("user", "ಧನ್ಯವಾದ"),
    ];

    private static readonly string[] OwnTemplates =
    [
        "{% for m in messages %}{{ '<|im_start|>' + m['role'] + '\\n' + m['content'] + '<|im_end|>\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}",
        "{{ bos_token }}{% for m in messages %}{% if loop.first and m.role == 'system' %}{{ '[SYS]' ~ m.content | trim ~ '[/SYS]' }}{% elif m.role == 'user' %}{{ '<turn>user\\n' + m.content + '</turn>' }}{% else %}{{ '<turn>model\\n' + m.content | trim + '</turn>' }}{% endif %}{% endfor %}{% if add_generation_prompt %}<turn>model\n{% endif %}",
        "{% macro turn(role, text) %}<{{ role | upper }}>{{ text }}</{{ role }}>{% endmacro %}{% set ns = namespace(n=0) %}{% for m in messages %}{% if m.role not in ['system', 'user', 'assistant'] %}{{ raise_exception('bad role ' + m.role) }}{% endif %}{% set ns.n = ns.n + 1 %}{{ turn(m.role, m.content) }}{% endfor %}{{ ns.n }}{{ messages | length }}{{ range(3) | join(',') }}",
    ];

    private readonly List<byte[]> _seeds;

    public ChatTemplateFuzzTarget()
    {
        var templates = OwnTemplates.Concat(RealTemplates()).Where(t => !string.IsNullOrEmpty(t)).ToList();
        _seeds = [.. templates.Select(t => Encoding.UTF8.GetBytes(t)).Where(RunsCleanly)];
    }

    public override string Name => "chat-template";

    public override IReadOnlyList<byte[]> Seeds => _seeds;

    public override bool IsText => true;

    public override void Run(byte[] input)
    {
        var template = new ChatTemplate(Encoding.UTF8.GetString(input), "<s>", "</s>");
        _ = template.Render(Conversation);
        _ = template.Render(Conversation[1..2], addGenerationPrompt: false);
    }

    public override bool IsExpected(Exception e) => e is TemplateException;

    /// <summary>The chat templates of the real tokenizer packages, when installed (tools/tokenizer-fixtures).</summary>
    public static IEnumerable<string> RealTemplates()
    {
        var root = Path.Combine(SharedData.RepoRoot, "tools", "tokenizer-fixtures", "node_modules", "@lenml");
        if (!Directory.Exists(root))
        {
            yield break;
        }

        foreach (var config in Directory.GetFiles(root, "tokenizer_config.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (JsonNode.Parse(File.ReadAllText(config))?["chat_template"] is JsonValue v && v.TryGetValue<string>(out var template))
            {
                yield return template;
            }
        }
    }
}
