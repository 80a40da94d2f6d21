namespace KannadaKit.Tokenizers.Pipeline;

/// <summary>A token inside the pipeline, with its original offsets, segment id and special flag.</summary>
internal record struct Tok(int Id, string? Value, int Start, int End, int TypeId = 0, bool Special = false);
