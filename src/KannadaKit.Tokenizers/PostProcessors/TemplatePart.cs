using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PostProcessors;

/// <summary>One element of a template: a special token or sequence A/B, each with its segment id.</summary>
internal sealed record TemplatePart(bool IsSequence, string Name, int TypeId);
