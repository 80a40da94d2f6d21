using KannadaKit.Generation.Chat;

namespace KannadaKit.Generation.Tests.Chat;

/// <summary>
/// Chat templates in the forms instruction models ship (written here after their published structure) rendered
/// to the exact prompt strings transformers' apply_chat_template produces for them, worked out by hand.
/// </summary>
public sealed class ChatTemplateTests
{
    private static readonly ChatMessage[] Conversation =
    [
        new("system", "ನೀವು ಸಹಾಯಕ."),
        new("user", "ಬೆಂಗಳೂರು ಎಲ್ಲಿದೆ? "),
        new("assistant", "ಕರ್ನಾಟಕದಲ್ಲಿ."),
        new("user", "ಧನ್ಯವಾದ"),
    ];

    [Fact]
    public void ChatML_with_generation_prompt()
    {
        const string template = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";
        var text = new ChatTemplate(template).Render(Conversation);
        Assert.Equal(
            "<|im_start|>system\nನೀವು ಸಹಾಯಕ.<|im_end|>\n<|im_start|>user\nಬೆಂಗಳೂರು ಎಲ್ಲಿದೆ? <|im_end|>\n"
            + "<|im_start|>assistant\nಕರ್ನಾಟಕದಲ್ಲಿ.<|im_end|>\n<|im_start|>user\nಧನ್ಯವಾದ<|im_end|>\n<|im_start|>assistant\n", text);
        Assert.EndsWith("ಧನ್ಯವಾದ<|im_end|>\n", new ChatTemplate(template).Render(Conversation, addGenerationPrompt: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Llama3_style_with_set_trim_and_loop_index()
    {
        const string template = "{% set loop_messages = messages %}{% for message in loop_messages %}{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' %}{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}";
        var text = new ChatTemplate(template, bosToken: "<|begin_of_text|>").Render(Conversation[..2]);
        Assert.Equal(
            "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nನೀವು ಸಹಾಯಕ.<|eot_id|>"
            + "<|start_header_id|>user<|end_header_id|>\n\nಬೆಂಗಳೂರು ಎಲ್ಲಿದೆ?<|eot_id|>"
            + "<|start_header_id|>assistant<|end_header_id|>\n\n", text);
    }

    [Fact]
    public void GemmaStyle_RaisesForASystemTurnAndMapsRoles()
    {
        const string template = "{{ bos_token }}{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}{% for message in messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}{% if (message['role'] == 'assistant') %}{% set role = 'model' %}{% else %}{% set role = message['role'] %}{% endif %}{{ '<start_of_turn>' + role + '\\n' + message['content'] | trim + '<end_of_turn>\\n' }}{% endfor %}{% if add_generation_prompt %}{{'<start_of_turn>model\\n'}}{% endif %}";
        var gemma = new ChatTemplate(template, bosToken: "<bos>");
        var e = Assert.Throws<TemplateException>(() => gemma.Render(Conversation));
        Assert.Equal("System role not supported", e.Message);
        Assert.Equal(
            "<bos><start_of_turn>user\nಬೆಂಗಳೂರು ಎಲ್ಲಿದೆ?<end_of_turn>\n<start_of_turn>model\nಕರ್ನಾಟಕದಲ್ಲಿ.<end_of_turn>\n"
            + "<start_of_turn>user\nಧನ್ಯವಾದ<end_of_turn>\n<start_of_turn>model\n", gemma.Render(Conversation[1..]));
        Assert.Throws<TemplateException>(() => gemma.Render([Conversation[1], Conversation[3]]));
    }

    [Fact]
    public void WhitespaceControlTrimBlocksAndNamespaces_Render()
    {
        // transformers renders with trim_blocks and lstrip_blocks: the newline after a block tag and the indentation
        // before one disappear; {%- and -%} strip all whitespace on their side.
        const string template = """
            {%- set ns = namespace(count=0) -%}
            {% for m in messages %}
                {% if m.role == 'user' %}
            {% set ns.count = ns.count + 1 %}
            [{{ ns.count }}] {{ m.content.strip() }}
                {% endif %}
            {% endfor %}
            total={{ ns.count }}{{ ' last=' ~ messages[-1].content if messages | length > 1 else '' }}
            """;
        var text = new ChatTemplate(template).Render(Conversation);
        Assert.Equal("[1] ಬೆಂಗಳೂರು ಎಲ್ಲಿದೆ?\n[2] ಧನ್ಯವಾದ\ntotal=2 last=ಧನ್ಯವಾದ", text);
    }

    [Fact]
    public void ExpressionsSlicesTestsAndFilters_Render()
    {
        const string template = "{% for m in messages[1:] if m.role is defined and m.role != 'assistant' %}{{ loop.index }}:{{ m.content | length }}{% if not loop.last %},{% endif %}{% endfor %}|{{ messages[0]['content'][:3] }}|{{ undefined_name is defined }}|{{ 7 // 2 }}{{ -3 % 5 }}|{{ 'x' in 'xyz' }}|{{ [1, 2] | join('-') }}";
        var text = new ChatTemplate(template).Render(Conversation);
        // messages[1:] minus the assistant turn: "ಬೆಂಗಳೂರು ಎಲ್ಲಿದೆ? " (18 code points) and "ಧನ್ಯವಾದ" (7).
        Assert.Equal("1:18,2:7|ನೀವ|False|32|True|1-2", text);
    }

    [Fact]
    public void UnsupportedSyntax_FailsWhenParsed()
    {
        Assert.Throws<TemplateException>(() => new ChatTemplate("{% for m in messages %}no end"));
        Assert.Throws<TemplateException>(() => new ChatTemplate("{% call m() %}{% endcall %}"));
        Assert.Throws<TemplateException>(() => new ChatTemplate("{{ messages | no_such_filter }}").Render([]));
    }
}
