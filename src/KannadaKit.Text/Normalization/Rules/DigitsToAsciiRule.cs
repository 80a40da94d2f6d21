using KannadaKit.Text.Scripts;

namespace KannadaKit.Text.Normalization.Rules;

/// <summary>Native digits of every known Indic script to ASCII digits.</summary>
internal sealed class DigitsToAsciiRule() : CharMapRule(
    IndicScripts.All.SelectMany(s => Enumerable.Range(0, 10).Select(d =>
        KeyValuePair.Create((char)(s.DigitZero + d), ((char)('0' + d)).ToString()))))
{
    public override string Name => "digits-ascii";

    public override string Description => "native digits of the Indic scripts (Kannada ೦–೯ U+0CE6–U+0CEF, Devanagari, …) → ASCII 0–9";
}
