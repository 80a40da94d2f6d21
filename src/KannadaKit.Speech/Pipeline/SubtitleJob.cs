using System.Diagnostics;
using KannadaKit.Speech.Audio;
using KannadaKit.Speech.Recognition;
using KannadaKit.Speech.Vad;
using KannadaKit.Subtitles;
using KannadaKit.Text.Transliteration;

namespace KannadaKit.Speech.Pipeline;

/// <summary>
/// Media to subtitle cues, streaming: decoded blocks feed the voice detector frame by frame, each finished speech
/// window is recognized while decoding goes on, and only the audio a pending window can still need is kept (about one
/// window), so a two-hour film never sits in memory. Without a detector the media is cut into back-to-back windows of
/// the maximum length. Words with media times become cues by the craft rules at the end (words are small).
/// </summary>
public static class SubtitleJob
{
    /// <summary>Runs the job. <paramref name="detector"/> null means no VAD.</summary>
    public static SubtitleJobResult Run(AudioSource audio, IVoiceDetector? detector, WhisperRecognizer recognizer,
        SubtitleJobOptions? options = null, IProgress<JobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(recognizer);
        options ??= new SubtitleJobOptions();
        options.Vad.Validate();
        options.Rules.Validate();
        var wall = Stopwatch.StartNew();
        var decodeClock = new Stopwatch();
        var vadClock = new Stopwatch();
        var recognizeClock = new Stopwatch();
        int frame = detector?.FrameSamples ?? 512;
        var windower = new SpeechWindower(options.Vad, frame);
        long fixedWindow = (long)(options.Vad.MaxWindow.TotalSeconds * AudioSource.SampleRate);
        var history = new SampleHistory();
        var windows = new List<SpeechWindow>();
        var words = new List<TimedWord>();
        var block = new float[Math.Max(options.BlockSamples, frame)];
        var pending = new float[frame];
        int pendingCount = 0;
        long total = 0;
        long nextFixed = 0;
        int peakHeld = 0;
        detector?.Reset();

        void Recognize(SpeechWindow w)
        {
            windows.Add(w);
            var samples = history.Copy(w.Start, w.End);
            recognizeClock.Start();
            foreach (var segment in recognizer.Recognize(samples, w.StartTime, cancellationToken))
            {
                foreach (var word in segment.Words)
                {
                    words.Add(new TimedWord(word.Text, word.Start, word.End));
                }
            }

            recognizeClock.Stop();
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            decodeClock.Start();
            int n = audio.Read(block);
            decodeClock.Stop();
            if (n == 0)
            {
                break;
            }

            history.Append(block.AsSpan(0, n));
            peakHeld = Math.Max(peakHeld, history.Count);
            total += n;
            if (detector is null)
            {
                while (total - nextFixed >= fixedWindow)
                {
                    Recognize(new SpeechWindow(nextFixed, nextFixed + fixedWindow));
                    nextFixed += fixedWindow;
                    history.DropBefore(nextFixed);
                }
            }
            else
            {
                for (int i = 0; i < n;)
                {
                    int take = Math.Min(frame - pendingCount, n - i);
                    block.AsSpan(i, take).CopyTo(pending.AsSpan(pendingCount));
                    pendingCount += take;
                    i += take;
                    if (pendingCount == frame)
                    {
                        vadClock.Start();
                        float p = detector.Process(pending);
                        vadClock.Stop();
                        pendingCount = 0;
                        foreach (var w in windower.Push(p))
                        {
                            Recognize(w);
                        }
                    }
                }

                history.DropBefore(windower.EarliestNeeded);
            }

            progress?.Report(new JobProgress(audio.Position, audio.Duration, wall.Elapsed));
        }

        if (detector is null)
        {
            if (total > nextFixed)
            {
                Recognize(new SpeechWindow(nextFixed, total));
            }
        }
        else
        {
            if (pendingCount > 0)
            {
                // The last partial frame, padded with silence, still counts.
                pending.AsSpan(pendingCount).Clear();
                vadClock.Start();
                float p = detector.Process(pending);
                vadClock.Stop();
                foreach (var w in windower.Push(p))
                {
                    Recognize(w);
                }
            }

            foreach (var w in windower.Finish(total))
            {
                Recognize(w);
            }
        }

        var duration = TimeSpan.FromSeconds((double)total / AudioSource.SampleRate);
        var cues = BuildCues(words, options, duration);
        progress?.Report(new JobProgress(duration, duration, wall.Elapsed));
        return new SubtitleJobResult(cues, duration, windows, detector?.Name ?? "none", decodeClock.Elapsed, vadClock.Elapsed,
            recognizeClock.Elapsed, recognizer.Fallbacks, TimeSpan.FromSeconds((double)peakHeld / AudioSource.SampleRate));
    }

    /// <summary>Cues in the chosen script from words with media times.</summary>
    public static IReadOnlyList<Cue> BuildCues(IReadOnlyList<TimedWord> words, SubtitleJobOptions options, TimeSpan? mediaEnd)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(options);
        var ordered = words.OrderBy(w => w.Start).ToList();
        switch (options.Script)
        {
            case SubtitleScript.Iso15919:
            {
                var route = TransliterationRoute.Create("kannada", "iso15919");
                ordered = [.. ordered.Select(w => w with { Text = route.Transliterate(w.Text) })];
                return CueBuilder.Build(ordered, options.Rules, mediaEnd);
            }

            case SubtitleScript.Dual:
            {
                var route = TransliterationRoute.Create("kannada", "iso15919");
                return CueBuilder.Build(ordered, options.Rules, mediaEnd, route.Transliterate);
            }

            default:
                return CueBuilder.Build(ordered, options.Rules, mediaEnd);
        }
    }
}
