namespace KannadaKit.Speech.Recognition;

/// <summary>What a ggml Whisper file declares, read and checked by <see cref="GgmlModelFile.Check"/>.</summary>
public sealed record GgmlModelInfo(
    string Path,
    int VocabularySize,
    int AudioState,
    int AudioHeads,
    int AudioLayers,
    int TextState,
    int TextHeads,
    int TextLayers,
    int Mels,
    int FileType,
    int Tensors)
{
    /// <summary>True for the multilingual vocabularies (51865 or more ids); English-only models have 51864.</summary>
    public bool IsMultilingual => VocabularySize >= 51865;

    /// <summary>The standard size these dimensions match ("tiny" … "large-v3-turbo"), or "custom".</summary>
    public string SizeName => (AudioLayers, AudioState, Mels, TextLayers) switch
    {
        (4, 384, 80, _) => "tiny",
        (6, 512, 80, _) => "base",
        (12, 768, 80, _) => "small",
        (24, 1024, 80, _) => "medium",
        (32, 1280, 128, 4) => "large-v3-turbo",
        (32, 1280, 128, _) => "large-v3",
        (32, 1280, 80, _) => "large-v2",
        _ => "custom",
    } + (IsMultilingual || AudioLayers is not (4 or 6 or 12 or 24) ? "" : ".en");

    /// <summary>The weight type ("f16", "q5_1", …) from the file type (quantized files add 1000 × the quantization version).</summary>
    public string WeightType => (FileType % 1000) switch
    {
        0 => "f32",
        1 => "f16",
        2 => "q4_0",
        3 => "q4_1",
        7 => "q8_0",
        8 => "q5_0",
        9 => "q5_1",
        10 => "q2_k",
        11 or 12 or 13 => "q3_k",
        14 or 15 => "q4_k",
        16 or 17 => "q5_k",
        18 => "q6_k",
        _ => $"type {FileType}",
    };

    /// <inheritdoc />
    public override string ToString() =>
        $"{SizeName} ({WeightType}, {AudioLayers}+{TextLayers} layers, width {AudioState}, {Mels} mels, {(IsMultilingual ? "multilingual" : "English-only")})";
}
