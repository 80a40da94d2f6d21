namespace KannadaKit.Lexicon.Model;

/// <summary>One Wiktionary etymology template: <c>{{bor|kn|sa|भाषा}}</c> is name <c>bor</c>, arguments <c>kn, sa, भाषा</c>.</summary>
/// <param name="Name">The template name.</param>
/// <param name="Arguments">Positional arguments in order.</param>
public sealed record EtymologyTemplate(string Name, IReadOnlyList<string> Arguments)
{
    /// <summary>The template as wikitext.</summary>
    public override string ToString() => "{{" + string.Join('|', [Name, .. Arguments]) + "}}";
}
