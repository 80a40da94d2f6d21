namespace KannadaKit.Text.Normalization.Rules;

/// <summary>Dash and hyphen variants to ASCII hyphen-minus.</summary>
internal sealed class DashesRule() : CharMapRule(new Dictionary<char, string>
{
    ['\u2010'] = "-", ['\u2011'] = "-", ['\u2012'] = "-", ['\u2013'] = "-", ['\u2014'] = "-", ['\u2015'] = "-", ['\u2212'] = "-",
})
{
    public override string Name => "dashes";

    public override string Description => "hyphen, non-breaking hyphen, figure/en/em dash, horizontal bar and minus sign (U+2010–U+2015, U+2212) → -";
}
