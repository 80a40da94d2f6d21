namespace KannadaKit.Text.Normalization;

/// <summary>Normalized text with its map back to the original.</summary>
/// <param name="Text">The normalized text.</param>
/// <param name="Offsets">Output position → input position.</param>
public sealed record NormalizedText(string Text, OffsetMap Offsets);
