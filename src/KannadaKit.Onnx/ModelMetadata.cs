namespace KannadaKit.Onnx;

/// <summary>A model's metadata as ORT reports it, including the custom key/value map.</summary>
/// <param name="ProducerName">The tool that wrote the model.</param>
/// <param name="GraphName">The graph's name.</param>
/// <param name="Domain">The model's domain.</param>
/// <param name="Description">The model's doc string.</param>
/// <param name="Version">The model version.</param>
/// <param name="Custom">The custom metadata properties.</param>
public sealed record ModelMetadata(string ProducerName, string GraphName, string Domain, string Description, long Version,
    IReadOnlyDictionary<string, string> Custom);
