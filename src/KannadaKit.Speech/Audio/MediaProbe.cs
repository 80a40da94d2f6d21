namespace KannadaKit.Speech.Audio;

/// <summary>What ffprobe says about a file: whether it has audio and video, its duration, and a short description.</summary>
public sealed record MediaProbe(bool HasAudio, bool HasVideo, TimeSpan? Duration, string Describe);
