namespace KannadaKit.Text.Normalization;

/// <summary>One example of a rule's change: the line number (1-based) and the text around the first edit.</summary>
/// <param name="Line">1-based line number in the input.</param>
/// <param name="Before">Text around the edit before the rule ran.</param>
/// <param name="After">The same place after the rule ran.</param>
public sealed record ChangeExample(long Line, string Before, string After);
