namespace KannadaKit.Lexicon.Model;

/// <summary>An etymology as a source gives it: prose and the templates it used.</summary>
/// <param name="Text">The etymology prose (templates expanded where the source expands them), or empty.</param>
/// <param name="Templates">Templates such as <c>{{bor|kn|sa|भाषा}}</c>, name and positional arguments.</param>
/// <param name="Source">Where the etymology came from.</param>
public sealed record Etymology(string Text, IReadOnlyList<EtymologyTemplate> Templates, Provenance Source);
