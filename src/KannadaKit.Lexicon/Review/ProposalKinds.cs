namespace KannadaKit.Lexicon.Review;

/// <summary>The names proposal kinds have in JSON, the store and the CLI.</summary>
public static class ProposalKinds
{
    /// <summary>Every name, in enum order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["native_equivalent", "gloss", "kannada_gloss", "example"];

    /// <summary>The name of <paramref name="kind"/>.</summary>
    public static string Name(ProposalKind kind) => Names[(int)kind];

    /// <summary>The kind named <paramref name="name"/>, or null.</summary>
    public static ProposalKind? Parse(string? name)
    {
        for (int i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
                return (ProposalKind)i;
        }

        return null;
    }
}
