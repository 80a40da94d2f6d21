using KannadaKit.Text.Normalization;

namespace KannadaKit.Cli.Normalize;

/// <summary>Validated options of one <c>kannadakit normalize</c> run.</summary>
internal sealed record NormalizeSettings(
    IReadOnlyList<string> Inputs,
    string? Output,
    bool InPlace,
    NormalizerOptions Normalizer,
    string? JsonField,
    bool ReplaceInvalid,
    string? ReportPath,
    bool Summary,
    int Threads,
    bool? Progress);
