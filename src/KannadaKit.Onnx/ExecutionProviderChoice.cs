namespace KannadaKit.Onnx;

/// <summary>The provider a session runs on.</summary>
/// <param name="Name">"CPU" or "CUDA".</param>
/// <param name="Requested">What the options asked for.</param>
/// <param name="FallbackReason">Why <see cref="ExecutionProvider.Auto"/> chose CPU; null otherwise.</param>
public sealed record ExecutionProviderChoice(string Name, ExecutionProvider Requested, string? FallbackReason)
{
    /// <summary>One line for logs and the CLI, e.g. <c>CPU (auto: CUDA unavailable …)</c>.</summary>
    public override string ToString() => FallbackReason is null
        ? Requested == ExecutionProvider.Auto ? $"{Name} (auto)" : Name
        : $"{Name} (auto: {FallbackReason})";
}
