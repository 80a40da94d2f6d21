namespace KannadaKit.Generation;

/// <summary>A token as it is generated (streaming).</summary>
/// <param name="Row">Which input it belongs to.</param>
/// <param name="TokenId">The token.</param>
/// <param name="Text">The text it completes (decoded incrementally; empty while a character is still incomplete); null without a tokenizer.</param>
public sealed record GeneratedToken(int Row, int TokenId, string? Text);
