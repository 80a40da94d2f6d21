namespace KannadaKit.Lexicon.Model;

/// <summary>Stable names of <see cref="RelationKind"/> values.</summary>
public static class RelationKinds
{
    /// <summary>The stored name (<c>synonym</c>, <c>native-equivalent</c>…).</summary>
    public static string Name(RelationKind k) => k switch
    {
        RelationKind.Synonym => "synonym",
        RelationKind.NativeEquivalent => "native-equivalent",
        RelationKind.DerivedFrom => "derived-from",
        RelationKind.Antonym => "antonym",
        _ => "related",
    };

    /// <summary>Reads a stored name back (unknown names are <see cref="RelationKind.Related"/>).</summary>
    public static RelationKind Parse(string name) => name switch
    {
        "synonym" => RelationKind.Synonym,
        "native-equivalent" => RelationKind.NativeEquivalent,
        "derived-from" => RelationKind.DerivedFrom,
        "antonym" => RelationKind.Antonym,
        _ => RelationKind.Related,
    };
}
