using System.Text.RegularExpressions;
using KannadaKit.Onnx;

namespace KannadaKit.Generation.Models;

/// <summary>
/// The names a decoder session uses, found from its declared inputs and outputs (optimum / transformers.js
/// conventions), with each past tensor's type and the shape of an empty cache.
/// </summary>
internal sealed partial class DecoderInputs
{
    private DecoderInputs(string source) => Source = source;

    public string Source { get; }

    public string InputIds { get; private init; } = "input_ids";

    public string? AttentionMask { get; private init; }

    public string? PositionIds { get; private init; }

    public string? LogitsToKeep { get; private init; }

    public string? UseCacheBranch { get; private init; }

    public string? EncoderHiddenStates { get; private init; }

    public string? EncoderAttentionMask { get; private init; }

    public string? CachePosition { get; private init; }

    public string Logits { get; private init; } = "logits";

    /// <summary>Past inputs in layer order: decoder (self-attention) entries and, for encoder-decoder models, encoder (cross-attention) ones.</summary>
    public IReadOnlyList<PastEntry> Past { get; private init; } = [];

    public static DecoderInputs Of(InferenceSession session, ModelConfig config)
    {
        string? Optional(params string[] names) => names.FirstOrDefault(session.HasInput);
        var inputIds = Optional("input_ids", "decoder_input_ids")
            ?? throw new GenerationException($"{session.Source}: a decoder needs an input named input_ids (inputs: {string.Join(", ", session.Inputs.Select(i => i.Name))})");
        var logits = session.HasOutput("logits") ? "logits"
            : throw new GenerationException($"{session.Source}: a decoder needs an output named logits (outputs: {string.Join(", ", session.Outputs.Select(o => o.Name))})");
        var past = new List<PastEntry>();
        foreach (var input in session.Inputs)
        {
            var m = PastName().Match(input.Name);
            if (!m.Success)
            {
                continue;
            }
            var present = "present" + input.Name["past_key_values".Length..];
            // decoder_with_past models do not return the encoder (cross-attention) cache: it never changes.
            if (!session.HasOutput(present) && m.Groups[2].Value != "encoder")
            {
                throw new GenerationException($"{session.Source}: input {input.Name} has no matching output {present}");
            }
            past.Add(new PastEntry(input.Name, present, input, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups[2].Value == "encoder", config));
        }
        return new DecoderInputs(session.Source)
        {
            InputIds = inputIds,
            AttentionMask = Optional("attention_mask", "decoder_attention_mask"),
            PositionIds = Optional("position_ids"),
            LogitsToKeep = Optional("num_logits_to_keep", "logits_to_keep"),
            UseCacheBranch = Optional("use_cache_branch"),
            EncoderHiddenStates = Optional("encoder_hidden_states"),
            EncoderAttentionMask = Optional("encoder_attention_mask"),
            CachePosition = Optional("cache_position"),
            Logits = logits,
            Past = [.. past.OrderBy(p => p.Layer).ThenBy(p => p.IsEncoder).ThenBy(p => p.Name, StringComparer.Ordinal)],
        };
    }

    [GeneratedRegex(@"^past_key_values\.(\d+)\.(?:(decoder|encoder)\.)?(key|value)$")]
    private static partial Regex PastName();
}
