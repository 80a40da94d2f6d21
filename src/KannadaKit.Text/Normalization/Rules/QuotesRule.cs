namespace KannadaKit.Text.Normalization.Rules;

/// <summary>Curly quotes to ASCII quotes.</summary>
internal sealed class QuotesRule() : CharMapRule(new Dictionary<char, string>
{
    ['\u2018'] = "'", ['\u2019'] = "'", ['\u201A'] = "'", ['\u201B'] = "'",
    ['\u201C'] = "\"", ['\u201D'] = "\"", ['\u201E'] = "\"", ['\u201F'] = "\"",
})
{
    public override string Name => "quotes";

    public override string Description => "curly single quotes U+2018–U+201B → ' and double quotes U+201C–U+201F → \"";
}
