namespace KannadaKit.Text.Normalization.Rules;

/// <summary>Horizontal ellipsis to three full stops.</summary>
internal sealed class EllipsisRule() : CharMapRule(new Dictionary<char, string> { ['\u2026'] = "..." })
{
    public override string Name => "ellipsis";

    public override string Description => "horizontal ellipsis U+2026 → ... (three full stops)";
}
