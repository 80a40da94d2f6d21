namespace KannadaKit.Speech.Audio;

/// <summary>What ffprobe says about a file: whether it has audio and video, its duration, a short description, and the
/// first audio stream's channel count (0 when unknown).</summary>
public sealed record MediaProbe(bool HasAudio, bool HasVideo, TimeSpan? Duration, string Describe, int Channels = 0)
{
    /// <summary>The first video stream's width and height in pixels, when there is one.</summary>
    public (int Width, int Height)? VideoSize { get; init; }
}
