using System.Net;

namespace KannadaKit.Web;

/// <summary>How the lexicon server listens.</summary>
public sealed record LexiconServerOptions
{
    /// <summary>The lexicon file.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>The address to bind; loopback unless the user asks otherwise.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = 8040;

    /// <summary>
    /// The reviewers' secret. Null: a read-only server that takes no proposals. Set: readers may queue proposals and
    /// whoever sends <c>Authorization: Bearer TOKEN</c> may list, accept and reject them.
    /// </summary>
    public string? ReviewToken { get; init; }

    /// <summary>
    /// Rivals that need no lexicon connection (a <see cref="Lexicon.Suggestions.ModelRival"/>), heard on every entry
    /// page beside the lexicon's own; they must be thread-safe.
    /// </summary>
    public IReadOnlyList<Lexicon.Suggestions.IRival> ExtraRivals { get; init; } = [];
}
