using KannadaKit.Generation.Chat;

namespace KannadaKit.Generation.Tests.Chat;

/// <summary>
/// Hostile chat templates end in one clear <see cref="TemplateException"/>, never a stack overflow, a hang or an
/// internal error (regressions from a probe of hostile inputs: 100k nested parentheses or brackets, 50k nested ifs and
/// 10^6 added terms killed the process; nested range(100000) loops ran unbounded; 1 % 0, range of a float, none or
/// 10^12, huge literals and replace('') were internal errors).
/// </summary>
public sealed class ChatTemplateLimitTests
{
    private static readonly ChatMessage[] Messages = [new("user", "ನಮಸ್ಕಾರ")];

    public static TheoryData<string, string> Hostile => new()
    {
        { "{{ " + new string('(', 100_000) + "1" + new string(')', 100_000) + " }}", "nested more than 200 levels" },
        { "{{ " + new string('[', 100_000) + new string(']', 100_000) + " }}", "nested more than 200 levels" },
        { "{{ " + string.Concat(Enumerable.Repeat("not ", 100_000)) + "1 }}", "nested more than 200 levels" },
        { string.Concat(Enumerable.Repeat("{% if 1 %}", 50_000)) + string.Concat(Enumerable.Repeat("{% endif %}", 50_000)), "blocks nested more than 200 levels" },
        { "{{ 1" + string.Concat(Enumerable.Repeat(" + 1", 1_000_000)) + " }}", "expression too large" },
        { "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}", "more than 10,000,000 steps" },
        { "{{ 'ಕನ್ನಡ' * 100000000 }}", "longer than" },
        { "{{ 1 % 0 }}", "division by zero" },
        { "{{ 1 / 0 }}", "division by zero" },
        { "{{ range(2.5) }}", "range takes 1 to 3 integers" },
        { "{{ range(none) }}", "range takes 1 to 3 integers" },
        { "{{ range(1000000000000) }}", "longer than 1,000,000" },
        { "{{ range(1, 5, 0) }}", "step must not be zero" },
        { "{{ range(-9000000000000000000, 9000000000000000000) }}", "longer than 1,000,000" },
        { "{{ 99999999999999999999999 }}", "out of range" },
        // Found by fuzzing: each join doubled the string, 40 of them reached terabytes; namespace(n=0, n=1).
        { "{{ range(3) | join(3)" + string.Concat(Enumerable.Repeat(" | join(3)", 40)) + " }}", "longer than 16,777,216 characters" },
        { "{% set x = 'ab' %}{% for i in range(60) %}{% set x = x ~ x %}{% endfor %}{{ x }}", "longer than 16,777,216 characters" },
        { "{{ ('ab' * 1000000) | replace('a', 'ಕನ್ನಡ' * 1000) }}", "replace would make a string longer" },
        { "{{ ('ab' * 1000000) | replace('', 'x' * 100) }}", "replace would make a string longer" },
        { "{% set l = [1] %}{% for i in range(40) %}{% set l = l + l %}{% endfor %}{{ l | length }}", "list grew longer than 1,000,000" },
        { "{% set ns = namespace(n=0, n=1) %}", "got 'n' twice" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Render_HostileTemplate_IsOneTemplateError(string source, string message)
    {
        var e = Assert.Throws<TemplateException>(() => new ChatTemplate(source).Render(Messages));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ 'abc'.replace('', '-') }}", "-a-b-c-")]
    [InlineData("{{ ''.replace('', '-') }}", "-")]
    [InlineData("{{ 'ಕನ'.replace('', '|') }}", "|ಕ|ನ|")]
    [InlineData("{{ range(1, 10, 3) | join(',') }}", "1,4,7")]
    [InlineData("{{ range(5, 0, -2) | join(',') }}", "5,3,1")]
    public void Render_PythonSemantics_AsJinja(string source, string expected) =>
        Assert.Equal(expected, new ChatTemplate(source).Render(Messages));

    [Fact]
    public void Load_NonObjectTemplateEntry_NamesTheEntry()
    {
        var dir = Directory.CreateTempSubdirectory("kk-chat-").FullName;
        try
        {
            var path = Path.Combine(dir, "tokenizer_config.json");
            File.WriteAllText(path, "{\"chat_template\": [{\"name\": \"default\", \"template\": \"x\"}, 42]}");
            var e = Assert.Throws<GenerationException>(() => ChatTemplate.FromTokenizerConfig(path));
            Assert.Equal($"{path}: chat_template[1]: expected an object with string \"name\" and \"template\"", e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
