using System.Diagnostics;
using System.Globalization;
using KannadaKit.Speech.Audio;
using KannadaKit.Speech.Pipeline;
using KannadaKit.Speech.Recognition;
using KannadaKit.Speech.Vad;
using KannadaKit.Testing;
using KannadaKit.Testing.Speech;
using KannadaKit.Testing.Whisper;
using NAudio.Wave;
using Whisper.net;

namespace KannadaKit.Benchmarks.Speech;

/// <summary>
/// Real-time factors (wall time over media time; below 1 is faster than real time) of each subtitle stage on one
/// core: decoding and resampling every container against the ffmpeg command a whisper.cpp user runs instead
/// (<c>ffmpeg -i IN -ar 16000 -ac 1 -f f32le</c>), voice detection, and the whole job with the tiny random model
/// against plain Whisper.net over the whole file. Then peak memory of a streamed job over a long generated input.
/// Speech is espeak-ng reading the bundled news sample, fresh files each run.
/// </summary>
internal static class SubtitleBenchmark
{
    public static int Run(string[] args)
    {
        double hours = 3;
        int at = Array.IndexOf(args, "--hours");
        if (at >= 0 && at + 1 < args.Length)
        {
            hours = double.Parse(args[at + 1], CultureInfo.InvariantCulture);
        }

        if (SpeechRequirements.SkipReason("ffmpeg", "espeak-ng") is { } missing)
        {
            Console.Error.WriteLine("bench subtitle: " + missing);
            return 1;
        }

        // One core for everything, the ffmpeg children included (they inherit the affinity).
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        using var dir = new TempDirectory();
        var speech = Material(dir);
        double seconds = speech.Length / 16000.0;
        string wav16 = TestAudio.WriteWav(dir.File("speech16.wav"), speech, 16000, TestAudio.Encoding.Pcm16);
        // Decoding and resampling run on the material said eight times over (about 9 minutes), so ffmpeg's own
        // process start (about 50 ms) does not decide its figure; neither side caches anything.
        var tiled = Enumerable.Repeat(speech, 8).SelectMany(x => x).ToArray();
        double tiledSeconds = tiled.Length / 16000.0;
        string tiled16 = TestAudio.WriteWav(dir.File("tiled16.wav"), tiled, 16000, TestAudio.Encoding.Pcm16);
        var files = new List<(string Name, string Path)> { ("wav 16 kHz mono s16", tiled16) };
        foreach (var (name, file, codec) in new[]
        {
            ("wav 44.1 kHz stereo s16", "speech44.wav", new[] { "-ar", "44100", "-ac", "2" }),
            ("wav 48 kHz 5.1 f32", "speech48.wav", ["-ar", "48000", "-ac", "6", "-c:a", "pcm_f32le"]),
            ("mp3 44.1 kHz stereo", "speech.mp3", ["-ar", "44100", "-ac", "2", "-b:a", "128k"]),
            ("flac 48 kHz stereo", "speech.flac", ["-ar", "48000", "-ac", "2"]),
            ("opus 48 kHz stereo", "speech.opus", ["-ar", "48000", "-ac", "2", "-b:a", "64k"]),
            ("m4a aac 44.1 kHz", "speech.m4a", ["-ar", "44100", "-ac", "2", "-c:a", "aac"]),
        })
        {
            string path = dir.File(file);
            SpeechRequirements.Ffmpeg(["-i", tiled16, .. codec, path]);
            files.Add((name, path));
        }

        string mp4 = dir.File("speech.mp4");
        SpeechRequirements.Ffmpeg("-f", "lavfi", "-i", "color=c=navy:s=640x360:r=25", "-i", tiled16, "-shortest", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", mp4);
        files.Add(("mp4 h264 + aac", mp4));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"subtitle stages, {seconds:F1} s of espeak-ng Kannada (news sample, with pauses; decoding and resampling on it 8 times over, {tiledSeconds:F0} s), one core, {Environment.ProcessorCount} cores present"));
        Console.WriteLine($"  {"decode + resample to 16 kHz mono",-36} {"decoder",-8} {"ours RTF",10} {"ffmpeg RTF",11} {"ours/ffmpeg",12}");
        foreach (var (name, path) in files)
        {
            string decoder;
            double ours = Best(() =>
            {
                using var source = MediaOpener.Open(path);
                var buffer = new float[16000];
                while (source.Read(buffer) > 0)
                {
                }
            }, out _);
            using (var s = MediaOpener.Open(path))
            {
                decoder = s.Decoder;
            }

            double peer = Best(() => SpeechRequirements.Ffmpeg("-i", path, "-ar", "16000", "-ac", "1", "-f", "f32le", "/dev/null"), out _);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-36} {decoder,-8} {ours / tiledSeconds,10:F5} {peer / tiledSeconds,11:F5} {ours / peer,12:F2}"));
        }

        Console.WriteLine($"  {"resample only (in memory → 16 kHz mono)",-36} {"",-8} {"ours RTF",10} {"ffmpeg RTF",11} {"ours/ffmpeg",12}");
        foreach (var (rate, channels) in new[] { (22050, 1), (44100, 2), (48000, 2), (48000, 6) })
        {
            var interleaved = Interleave(tiled, rate, channels);
            double ours = Best(() =>
            {
                ISampleProvider mono = new Downmixer(new ArrayProvider(interleaved, rate, channels));
                var resampler = new SincResampler(mono, 16000);
                var buffer = new float[16000];
                while (resampler.Read(buffer) > 0)
                {
                }
            }, out _);
            string raw = dir.File($"raw-{rate}-{channels}.f32");
            File.WriteAllBytes(raw, System.Runtime.InteropServices.MemoryMarshal.AsBytes(interleaved.AsSpan()).ToArray());
            string r = rate.ToString(CultureInfo.InvariantCulture), c = channels.ToString(CultureInfo.InvariantCulture);
            double peer = Best(() => SpeechRequirements.Ffmpeg("-f", "f32le", "-ar", r, "-ac", c, "-i", raw, "-ar", "16000", "-ac", "1", "-f", "f32le", "/dev/null"), out _);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {$"{rate} Hz × {channels}",-36} {"",-8} {ours / tiledSeconds,10:F5} {peer / tiledSeconds,11:F5} {ours / peer,12:F2}"));
        }

        Console.WriteLine($"  {"voice detection",-36} {"",-8} {"RTF",10} {"windows",11}");
        var detectors = new List<(string, Func<IVoiceDetector>)> { ("energy", () => new EnergyVad()) };
        if (SpeechFixtures.SileroSkipReason is null)
        {
            detectors.Insert(0, ("silero v6", () => SileroVad.Open(SpeechFixtures.Silero(6))));
            detectors.Insert(0, ("silero v5", () => SileroVad.Open(SpeechFixtures.Silero(5))));
        }
        else
        {
            Console.WriteLine("  (Silero skipped: " + SpeechFixtures.SileroSkipReason + ")");
        }

        foreach (var (name, make) in detectors)
        {
            using var d = make();
            int windows = 0;
            double t = Best(() => windows = Detect(d, speech), out _);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-36} {"",-8} {t / seconds,10:F5} {windows,11}"));
        }

        using (var modelDir = new TempDirectory())
        {
            string model = new TinyWhisperModel().WriteTo(modelDir.File("ggml-tiny-random.bin"));
            var options = new RecognizerOptions { Threads = 1, BeamSize = 1, BestOf = 1 };
            Console.WriteLine($"  {"whole job, tiny random model, 1 thread",-36} {"",-8} {"RTF",10} {"windows",11} {"vs Whisper.net",14}");
            double plain = Best(() =>
            {
                // What a Whisper.net user writes: the whole file into one processor; whisper.cpp walks it in 30 s windows.
                using var factory = WhisperFactory.FromPath(model);
                using var processor = factory.CreateBuilder().WithThreads(1).WithLanguage("kn").WithNoContext().Build();
                foreach (var _ in processor.ProcessAsync(speech).ToBlockingEnumerable())
                {
                }
            }, out _, rounds: 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"Whisper.net alone, whole file",-36} {"",-8} {plain / seconds,10:F4} {"",11} {1.0,14:F2}"));
            foreach (var (name, make) in detectors.Append(("no VAD (20 s windows)", () => (IVoiceDetector)null!)))
            {
                SubtitleJobResult? result = null;
                double t = Best(() =>
                {
                    using var source = MediaOpener.Open(wav16);
                    using var r = WhisperRecognizer.Open(model, options);
                    using var d = make();
                    result = SubtitleJob.Run(source, d, r);
                }, out _, rounds: 1);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"ours, " + name,-36} {"",-8} {t / seconds,10:F4} {result!.Windows.Count,11} {t / plain,14:F2}"));
            }

            LongInput(dir, model, hours, detectors[0].Item1);
        }

        return 0;
    }

    /// <summary>
    /// A streamed job over generated hours of audio (opus through ffmpeg), each length in a fresh process so its peak
    /// resident memory is its own: flat means the three-hour figure matches the ten-minute one.
    /// </summary>
    private static void LongInput(TempDirectory dir, string model, double hours, string detector)
    {
        Console.WriteLine($"  long input through the whole job ({detector}, tiny model), each in a fresh process with MALLOC_ARENA_MAX={Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") ?? "2"}");
        foreach (double h in new[] { 10 / 60.0, 1, hours }.Distinct().Order())
        {
            string path = dir.File(string.Create(CultureInfo.InvariantCulture, $"long-{h:F2}h.opus"));
            double secs = h * 3600;
            // Faint noise with a 2 s voiced burst every 5 minutes: the job decodes and detects all of it and
            // recognizes the bursts.
            SpeechRequirements.Ffmpeg("-f", "lavfi", "-i",
                string.Create(CultureInfo.InvariantCulture, $"aevalsrc='0.002*(random(0)-0.5)+if(lt(mod(t\\,300)\\,2)\\,0.2*sin(2*PI*150*t)+0.1*sin(2*PI*300*t)\\,0)':s=16000:d={secs}"),
                "-ac", "1", "-c:a", "libopus", "-b:a", "16k", path);
            string self = Environment.ProcessPath!;
            var psi = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
            // As the kannadakit launcher runs it: two malloc arenas (see the launcher for why).
            psi.Environment["MALLOC_ARENA_MAX"] = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") ?? "2";
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                psi.ArgumentList.Add(typeof(SubtitleBenchmark).Assembly.Location);
            }

            foreach (var a in new[] { "subtitle-long", path, model, detector })
            {
                psi.ArgumentList.Add(a);
            }

            using var child = Process.Start(psi)!;
            string line = child.StandardOutput.ReadToEnd().Trim();
            child.WaitForExit();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {h,5:F2} h, {new FileInfo(path).Length / 1e6:F1} MB opus: {line} (the whole input as floats would be {secs * 16000 * 4 / 1e6:F0} MB)"));
            File.Delete(path);
        }
    }

    /// <summary>The child of <see cref="LongInput"/>: one job, then its figures on one line.</summary>
    public static int RunLong(string[] args)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        string path = args[0], model = args[1], detector = args[2];
        var clock = Stopwatch.StartNew();
        using var source = MediaOpener.Open(path);
        using var r = WhisperRecognizer.Open(model, new RecognizerOptions { Threads = 1, BeamSize = 1, BestOf = 1 });
        using IVoiceDetector d = detector.StartsWith("silero", StringComparison.Ordinal) ? SileroVad.Open(SpeechFixtures.Silero(detector.EndsWith('6') ? 6 : 5)) : new EnergyVad();
        var result = SubtitleJob.Run(source, d, r);
        clock.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RTF {clock.Elapsed.TotalSeconds / result.MediaDuration.TotalSeconds:F4}, {result.Windows.Count} windows, {result.Cues.Count} cues, held at most {result.PeakHeld.TotalSeconds:F1} s of audio, peak RSS {PeakResidentMegabytes():F0} MB"));
        return 0;
    }

    /// <summary>The 16 kHz material at another rate and channel count (linear interpolation is enough to make load).</summary>
    private static float[] Interleave(float[] x, int rate, int channels)
    {
        long n = (long)x.Length * rate / 16000;
        var result = new float[n * channels];
        for (long i = 0; i < n; i++)
        {
            double at = i * 16000.0 / rate;
            int k = (int)at;
            float v = k + 1 < x.Length ? (float)(x[k] + ((x[k + 1] - x[k]) * (at - k))) : x[^1];
            for (int c = 0; c < channels; c++)
            {
                result[(i * channels) + c] = v;
            }
        }

        return result;
    }

    /// <summary>Interleaved samples as an NAudio provider.</summary>
    private sealed class ArrayProvider(float[] samples, int rate, int channels) : ISampleProvider
    {
        private int _at;

        public WaveFormat WaveFormat { get; } = WaveFormat.CreateIeeeFloatWaveFormat(rate, channels);

        public int Read(Span<float> buffer)
        {
            int n = Math.Min(buffer.Length, samples.Length - _at);
            samples.AsSpan(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }
    }

    private static int Detect(IVoiceDetector d, float[] x)
    {
        var w = new SpeechWindower(new VadOptions(), d.FrameSamples);
        d.Reset();
        int n = 0;
        var frame = new float[d.FrameSamples];
        for (int i = 0; i + d.FrameSamples <= x.Length; i += d.FrameSamples)
        {
            x.AsSpan(i, d.FrameSamples).CopyTo(frame);
            n += w.Push(d.Process(frame)).Count;
        }

        return n + w.Finish(x.Length).Count;
    }

    /// <summary>espeak-ng reading each line of the news sample, with 0.4–1.6 s pauses between lines, at 16 kHz.</summary>
    private static float[] Material(TempDirectory dir)
    {
        var lines = File.ReadLines(Path.Combine(SharedData.RepoRoot, "corpora", "samples", "kn-news-sample.txt"))
            .Select(l => l.Trim('\uFEFF', ' ')).Where(l => l.Length > 0).ToList();
        var all = new List<float>();
        var rng = new Random(Environment.TickCount);
        for (int i = 0; i < lines.Count; i++)
        {
            string wav = SpeechRequirements.Speak(lines[i], dir.File($"line{i}.wav"), 150 + rng.Next(30));
            using var s = MediaOpener.Open(wav);
            var buffer = new float[16000];
            int n;
            while ((n = s.Read(buffer)) > 0)
            {
                all.AddRange(buffer.AsSpan(0, n).ToArray());
            }

            all.AddRange(new float[(int)(16000 * (0.4 + (1.2 * rng.NextDouble())))]);
        }

        return [.. all];
    }

    /// <summary>The best wall time of a few rounds, after one warm-up.</summary>
    private static double Best(Action work, out double first, int rounds = 3)
    {
        var clock = Stopwatch.StartNew();
        work();
        first = clock.Elapsed.TotalSeconds;
        double best = first;
        for (int i = 0; i < rounds; i++)
        {
            clock.Restart();
            work();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best;
    }

    private static double PeakResidentMegabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return double.NaN;
    }
}
