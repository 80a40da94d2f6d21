using KannadaKit.Speech.Vad;
using KannadaKit.Subtitles;

namespace KannadaKit.Speech.Pipeline;

/// <summary>What a job made and what each stage cost; <paramref name="PeakHeld"/> is the most audio kept at once.</summary>
public sealed record SubtitleJobResult(
    IReadOnlyList<Cue> Cues,
    TimeSpan MediaDuration,
    IReadOnlyList<SpeechWindow> Windows,
    string Detector,
    TimeSpan DecodeTime,
    TimeSpan VadTime,
    TimeSpan RecognizeTime,
    int Fallbacks,
    TimeSpan PeakHeld)
{
    /// <summary>Media time inside recognition windows.</summary>
    public TimeSpan WindowTime => TimeSpan.FromSeconds(Windows.Sum(w => w.Length) / (double)Audio.AudioSource.SampleRate);

    /// <summary>Wall time over media time for a stage (below 1 is faster than real time).</summary>
    public double RealTimeFactor(TimeSpan stage) => MediaDuration > TimeSpan.Zero ? stage / MediaDuration : 0;
}
