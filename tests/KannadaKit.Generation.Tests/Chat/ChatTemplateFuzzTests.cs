using KannadaKit.Generation.Chat;
using KannadaKit.Testing.Fuzzing;
using Xunit.Abstractions;

namespace KannadaKit.Generation.Tests.Chat;

/// <summary>
/// A quick share of <c>bench -- fuzz</c>: mutated chat templates render or fail with a one-line
/// <see cref="TemplateException"/> (regressions found by it: a template ending in "x." or "x |", {% set = x %} and {% for in x %} were
/// an index out of range; a chain of falsy "and" terms took 2^n steps; errors quoting template text spanned lines).
/// </summary>
public sealed class ChatTemplateFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void MutatedTemplates_RenderOrAreRefused()
    {
        var target = new ChatTemplateFuzzTarget();
        Assert.True(target.Seeds.Count >= 3, $"only {target.Seeds.Count} seed templates render");
        var report = Fuzzer.Run(target, 3000, seed: 20261202);
        output.WriteLine(report.ToString());
        Assert.True(report.Failures.Count == 0, string.Join("\n", report.Failures));
        Assert.True(report.Refused > 300, report.ToString());
    }

    [Theory]
    [InlineData("{{ messages. }}", "attribute name after '.'")]
    [InlineData("{{ messages | }}", "filter name after '|'")]
    [InlineData("{{ 1 is }}", "test name after 'is'")]
    [InlineData("{% set = messages %}", "expected {% set name = value %}")]
    [InlineData("{% set a b = 1 %}", "expected {% set name = value %}")]
    [InlineData("{% for in messages %}{% endfor %}", "expected {% for name in items %}")]
    [InlineData("{% for x messages %}{% endfor %}", "expected {% for name in items %}")]
    public void ExpressionEndingEarly_IsATemplateError(string source, string message)
    {
        var e = Assert.Throws<TemplateException>(() => new ChatTemplate(source).Render([new ChatMessage("user", "ನಮಸ್ಕಾರ")]));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LongChainOfFalsyTerms_EvaluatesEachOnce()
    {
        var source = "{% if " + string.Join(" and ", Enumerable.Repeat("x == 1", 150)) + " or " + string.Join(" or ", Enumerable.Repeat("y", 150)) + " %}yes{% else %}no{% endif %}";
        Assert.Equal("no", new ChatTemplate(source).Render([new ChatMessage("user", "ನಮಸ್ಕಾರ")]));
    }

    [Fact]
    public void ErrorQuotingMultilineText_IsOneLine()
    {
        var e = Assert.Throws<TemplateException>(() => new ChatTemplate("{{ raise_exception('first\nsecond') }}").Render([new ChatMessage("user", "ನ")]));
        Assert.Equal("first\\nsecond", e.Message);
    }
}
