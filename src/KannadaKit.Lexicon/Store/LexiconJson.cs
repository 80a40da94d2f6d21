using System.Text.Json.Serialization;

namespace KannadaKit.Lexicon.Store;

/// <summary>Source-generated JSON for the small arrays kept in columns (trimming-safe, no reflection).</summary>
[JsonSerializable(typeof(string[]), TypeInfoPropertyName = "StringArray")]
internal sealed partial class LexiconJson : JsonSerializerContext;
