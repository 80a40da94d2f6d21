using System.Collections.Concurrent;

namespace KannadaKit.Tokenizers.Models;

/// <summary>A token a model produced for one pre-token: id and UTF-16 range within the pre-token.</summary>
/// <param name="Id">Vocabulary id.</param>
/// <param name="Start">Start within the pre-token.</param>
/// <param name="End">End within the pre-token.</param>
/// <param name="Value">The token's text when it differs from the vocabulary entry (a Unigram unknown keeps its surface).</param>
internal readonly record struct ModelToken(int Id, int Start, int End, string? Value = null);
