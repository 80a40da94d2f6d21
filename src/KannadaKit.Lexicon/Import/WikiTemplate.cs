namespace KannadaKit.Lexicon.Import;

/// <summary>One <c>{{name|a|b|k=v}}</c> call found in wikitext, with where it sits.</summary>
internal sealed record WikiTemplate(string Name, IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string> Named, int Start, int End)
{
    public string Arg(int i) => i < Positional.Count ? Positional[i] : "";

    public string Named1(string key) => Named.TryGetValue(key, out var v) ? v : "";
}
