using System.CommandLine;
using System.Globalization;
using KannadaKit.Cli.IO;
using KannadaKit.Cli.SubtitleIO;
using KannadaKit.Cli.Terminal;
using KannadaKit.Speech;
using KannadaKit.Speech.Audio;
using KannadaKit.Speech.Pipeline;
using KannadaKit.Speech.Recognition;
using KannadaKit.Speech.Vad;
using KannadaKit.Subtitles;

namespace KannadaKit.Cli.Commands;

/// <summary>
/// <c>kannadakit subtitle INPUT --model MODEL.bin</c>: audio or video to Kannada SRT or WebVTT; with <c>check</c>,
/// <c>reflow</c> and <c>burn</c> for existing subtitle files.
/// </summary>
internal static class SubtitleCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string?>("input") { Description = "An audio or video file (WAV, MP3, or anything ffmpeg reads)", Arity = ArgumentArity.ZeroOrOne };
        var model = new Option<string?>("--model", "-m") { Description = "A ggml Whisper model (see: kannadakit models list)" };
        var language = new Option<string>("--language", "-l") { Description = "Spoken language: a Whisper code, or auto", DefaultValueFactory = _ => "kn" };
        var task = new Option<string>("--task") { Description = "transcribe (Kannada subtitles) or translate (English)", DefaultValueFactory = _ => "transcribe" };
        var vadModel = new Option<string?>("--vad-model") { Description = "A Silero VAD v5/v6 .onnx (default: models/silero_vad_v5.onnx when present, else the energy detector)" };
        var noVad = new Option<bool>("--no-vad") { Description = "No voice detection: fixed windows of --max-window seconds" };
        var format = new Option<string?>("--format", "-f") { Description = "srt or vtt (default: from -o's extension, else srt)" };
        var output = new Option<string?>("--output", "-o") { Description = "Output file, - for standard output (default: INPUT with .srt or .vtt)" };
        var script = new Option<string>("--script") { Description = "kannada, iso15919 (Latin), or dual (a Kannada line over its ISO 15919 line)", DefaultValueFactory = _ => "kannada" };
        var threads = new Option<int>("--threads", "-t") { Description = "Whisper threads (0: one per core, up to 8)" };
        var beam = new Option<int>("--beam-size") { Description = "Beam width; 1 is greedy decoding", DefaultValueFactory = _ => 5 };
        var prompt = new Option<string?>("--prompt") { Description = "Initial prompt: names and spellings the speech uses" };
        var maxWindow = new Option<double>("--max-window") { Description = "Longest recognition window in seconds (Kannada fills Whisper's token budget in about 20 s)", DefaultValueFactory = _ => 20 };
        var noDtw = new Option<bool>("--no-dtw") { Description = "Word times from token timestamps only (no DTW alignment)" };
        var gpu = new Option<bool>("--gpu") { Description = "Ask Whisper.net for the GPU (needs a GPU runtime package such as Whisper.net.Runtime.Cuda; see README)" };
        var progress = new Option<bool?>("--progress") { Description = "Show (true) or hide (false) the progress line; default: on a terminal" };
        var rules = new RuleOptions();
        var command = new Command("subtitle", "Audio or video → Kannada subtitles (SRT, WebVTT) with Whisper; check, reflow and burn in subtitle files")
        {
            input, model, language, task, vadModel, noVad, format, output, script, threads, beam, prompt, maxWindow, noDtw, gpu, progress,
        };
        rules.AddTo(command);
        command.Subcommands.Add(SubtitleCheckCommand.Create(context));
        command.Subcommands.Add(SubtitleReflowCommand.Create(context));
        command.Subcommands.Add(SubtitleBurnCommand.Create(context));
        command.SetAction(parse => context.Run(() =>
        {
            string media = parse.GetValue(input) ?? throw new CliException("subtitle: give an audio or video file (or: subtitle check|reflow|burn)", ExitCodes.Usage);
            string modelPath = parse.GetValue(model) ?? throw new CliException(
                "--model is required: a ggml Whisper model, e.g. models/ggml-large-v3-turbo.bin (kannadakit models pull whisper-large-v3-turbo)", ExitCodes.Usage);
            if (parse.GetValue(noVad) && parse.GetValue(vadModel) is not null)
            {
                throw new CliException("--no-vad and --vad-model contradict each other", ExitCodes.Usage);
            }

            string? outPath = parse.GetValue(output);
            var fmt = SubtitleFiles.Parse(parse.GetValue(format)) ?? (outPath is null ? null : SubtitleFiles.FromName(outPath)) ?? SubtitleFormat.Srt;
            outPath ??= Path.ChangeExtension(media, SubtitleFiles.Extension(fmt));
            if (outPath != "-")
            {
                OutputGuard.RefuseInputs("--output", outPath, [(media, media), (modelPath, modelPath)]);
            }

            var subtitleRules = rules.Rules(parse);
            var jobOptions = new SubtitleJobOptions
            {
                Rules = subtitleRules,
                Script = Script(parse.GetValue(script)!),
                Vad = new VadOptions { MaxWindow = Seconds(parse.GetValue(maxWindow), "--max-window", 1, 30) },
            };
            var recognizerOptions = new RecognizerOptions
            {
                Language = parse.GetValue(language)!,
                Task = parse.GetValue(task) switch
                {
                    "transcribe" => RecognizerTask.Transcribe,
                    "translate" => RecognizerTask.Translate,
                    var t => throw new CliException($"--task: '{t}' is not transcribe or translate", ExitCodes.Usage),
                },
                Threads = parse.GetValue(threads),
                BeamSize = parse.GetValue(beam),
                Prompt = parse.GetValue(prompt),
                Dtw = !parse.GetValue(noDtw),
                UseGpu = parse.GetValue(gpu),
            };
            try
            {
                recognizerOptions.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new CliException(e.Message.Split(" (Parameter", 2)[0], ExitCodes.Usage);
            }

            // Everything the user gave is checked before the long part: the media opens, the model passes its
            // check and loads, the VAD model opens.
            using var audio = MediaOpener.Open(media);
            using var recognizer = WhisperRecognizer.Open(modelPath, recognizerOptions);
            using var detector = Detector(context, parse.GetValue(noVad), parse.GetValue(vadModel));
            using var status = StatusLine.Create(context.Error, parse.GetValue(progress));
            var report = new Progress(status);
            var result = SubtitleJob.Run(audio, detector, recognizer, jobOptions, report);
            status.Clear();

            SubtitleFiles.Write(context, outPath, SubtitleFiles.Render(result.Cues, fmt));
            string where = outPath == "-" ? "standard output" : outPath;
            if (result.Cues.Count == 0)
            {
                context.Error.WriteLine($"{media}: no speech found ({Clock(result.MediaDuration)} of media, detector {result.Detector}); wrote an empty {where}");
            }
            else
            {
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{where}: {SubtitleFiles.Cues(result.Cues.Count)} from {Clock(result.MediaDuration)} of media in {Clock(status.Elapsed)} " +
                    $"(real-time factor {result.RealTimeFactor(status.Elapsed):F2}: decode {result.RealTimeFactor(result.DecodeTime):F3}, " +
                    $"VAD {result.RealTimeFactor(result.VadTime):F3}, Whisper {result.RealTimeFactor(result.RecognizeTime):F2}); " +
                    $"detector {result.Detector}, {result.Windows.Count} window{(result.Windows.Count == 1 ? "" : "s")}{(result.Fallbacks > 0 ? $", {result.Fallbacks} decoded again" : "")}"));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The detector: --no-vad none, --vad-model that file, else the pulled Silero v5 if present, else energy.</summary>
    private static IVoiceDetector? Detector(CliContext context, bool none, string? path)
    {
        if (none)
        {
            return null;
        }

        if (path is not null)
        {
            return SileroVad.Open(path);
        }

        string pulled = Path.Combine(ModelsCommand.DefaultDirectory(), "silero_vad_v5.onnx");
        if (File.Exists(pulled))
        {
            return SileroVad.Open(pulled);
        }

        context.Error.WriteLine($"kannadakit: note: no Silero VAD at {pulled} (kannadakit models pull silero-vad); using the energy detector");
        return new EnergyVad();
    }

    private static SubtitleScript Script(string s) => s.ToLowerInvariant() switch
    {
        "kannada" or "kn" => SubtitleScript.Kannada,
        "iso15919" or "iso" => SubtitleScript.Iso15919,
        "dual" => SubtitleScript.Dual,
        _ => throw new CliException($"--script: '{s}' is not kannada, iso15919 or dual", ExitCodes.Usage),
    };

    private static TimeSpan Seconds(double value, string option, double min, double max) => value >= min && value <= max
        ? TimeSpan.FromSeconds(value)
        : throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{option}: {value} is outside {min}–{max} seconds"), ExitCodes.Usage);

    internal static string Clock(TimeSpan t) => t.TotalHours >= 1
        ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    /// <summary>Draws media time done, the share of the total and the speed as a real-time factor.</summary>
    private sealed class Progress(StatusLine status) : IProgress<JobProgress>
    {
        public void Report(JobProgress p) => status.Draw(() =>
        {
            double rtf = p.MediaDone > TimeSpan.Zero ? p.Elapsed / p.MediaDone : 0;
            string total = p.MediaTotal is { } t ? $"{StatusLine.Bar(p.MediaDone / t)} {Clock(p.MediaDone)} / {Clock(t)}" : Clock(p.MediaDone);
            return string.Create(CultureInfo.InvariantCulture, $"{total}  real-time factor {rtf:F2}");
        });
    }
}
