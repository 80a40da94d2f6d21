using KannadaKit.Onnx;

namespace KannadaKit.Generation.Models;

/// <summary>A decoding step through IO binding, shared by both step models (see <see cref="CacheBinding"/>).</summary>
internal static class BoundStep
{
    /// <summary>One step through IO binding: the feeds bound as inputs (ORT copies host ones where the provider needs
    /// them; device ones, the previous presents, stay put), the logits bound to host memory, the presents to the cache's
    /// place.</summary>
    public static SessionOutputs Run(InferenceSession session, StepFeeds feeds, string logits, IEnumerable<string> presents,
        CacheBinding binding, int deviceId, CancellationToken cancellationToken)
    {
        using var bound = session.CreateIoBinding();
        foreach (var (name, value) in feeds.Items)
        {
            bound.BindInput(name, value);
        }
        bound.BindOutputToCpu(logits);
        foreach (var present in presents)
        {
            if (binding == CacheBinding.Cuda)
            {
                bound.BindOutputToCuda(present, deviceId);
            }
            else
            {
                bound.BindOutputToCpu(present);
            }
        }
        session.Run(bound, cancellationToken);
        return bound.GetOutputs();
    }
}
