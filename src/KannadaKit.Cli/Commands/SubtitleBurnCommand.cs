using System.CommandLine;
using System.Globalization;
using KannadaKit.Cli.IO;
using KannadaKit.Cli.SubtitleIO;
using KannadaKit.Speech;
using KannadaKit.Speech.Audio;
using KannadaKit.Subtitles;

namespace KannadaKit.Cli.Commands;

/// <summary>
/// <c>kannadakit subtitle burn VIDEO --subtitles FILE -o OUT.mp4</c> (or <c>--preview-frame SECONDS -o FRAME.png</c>):
/// ffmpeg's ass filter (libass, complex shaping) draws the cues into the picture with Noto Sans Kannada, so the Kannada is
/// shaped as a reader will see it.
/// </summary>
internal static class SubtitleBurnCommand
{
    /// <summary>Where Debian's fonts-noto-core puts Noto Sans Kannada.</summary>
    public const string NotoDirectory = "/usr/share/fonts/truetype/noto";

    public static Command Create(CliContext context)
    {
        var video = new Argument<string>("video") { Description = "A video file" };
        var subtitles = new Option<string>("--subtitles", "-s") { Description = "The SRT or WebVTT file to draw", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Output video (.mp4, .mkv …) or, with --preview-frame, an image (.png, .jpg)", Required = true };
        var preview = new Option<double?>("--preview-frame") { Description = "Write one frame at this many seconds instead of the whole video" };
        var fontSize = new Option<int>("--font-size") { Description = "Font size in pixels of a 360-line picture (scaled with the video)", DefaultValueFactory = _ => 24 };
        var font = new Option<string>("--font") { Description = "Font family", DefaultValueFactory = _ => "Noto Sans Kannada" };
        var command = new Command("burn", "Draw subtitles into a video (or one preview frame) with ffmpeg and Noto Sans Kannada")
        {
            video, subtitles, output, preview, fontSize, font,
        };
        command.SetAction(parse => context.Run(() =>
        {
            string input = parse.GetValue(video)!;
            string subs = parse.GetValue(subtitles)!;
            string outPath = parse.GetValue(output)!;
            OutputGuard.RefuseInputs("--output", outPath, [(input, input), (subs, subs)]);
            int size = parse.GetValue(fontSize);
            if (size is < 4 or > 200)
            {
                throw new CliException($"--font-size: {size} is outside 4–200", ExitCodes.Usage);
            }

            string family = parse.GetValue(font)!;
            if (family.Any(c => c is ',' or '\'' or ':' or '\\' or '=' or '\n'))
            {
                throw new CliException($"--font: '{family}' has a character the subtitles filter cannot take (, ' : \\ =)", ExitCodes.Usage);
            }

            double? at = parse.GetValue(preview);
            if (at is < 0)
            {
                throw new CliException("--preview-frame: seconds must not be negative", ExitCodes.Usage);
            }

            if (!File.Exists(input))
            {
                throw new CliException($"{input}: no such file");
            }

            // Our reader checks the subtitles first (a one-line error naming the line), then libass gets an ASS script
            // of them under a name the filter syntax needs no escaping for.
            var (doc, _) = SubtitleFiles.Read(subs);
            var ffmpeg = new Ffmpeg();
            var probe = ffmpeg.Probe(input);
            if (!probe.HasVideo)
            {
                throw new MediaException($"{input}: has no video stream to draw on ({probe.Describe})");
            }

            if (at is { } t && probe.Duration is { } length && t > length.TotalSeconds)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"--preview-frame: {t} s is past the end of {input} ({length.TotalSeconds:F1} s)"), ExitCodes.Usage);
            }

            var work = Directory.CreateTempSubdirectory("kannadakit-burn-");
            try
            {
                if (work.FullName.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-')))
                {
                    throw new CliException($"{work.FullName}: the temporary folder's name has characters ffmpeg's filter syntax would need escaped; set TMPDIR to a plain path");
                }

                string ass = Path.Combine(work.FullName, "subtitles.ass");
                var (width, height) = probe.VideoSize ?? (1280, 720);
                // Sizes are in script pixels; the script is as large as the video, so --font-size is in video pixels per 360 lines.
                int px = (int)Math.Round(size * height / 360.0);
                File.WriteAllText(ass, AssScript.Write(doc.Cues, family, px, width, height));
                string fontsDir = Directory.Exists(NotoDirectory) ? $":fontsdir={NotoDirectory}" : "";
                string filter = $"ass=filename={ass}{fontsDir}:shaping=complex";
                string target = Path.GetFullPath(outPath);
                string temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileNameWithoutExtension(target)}.kannadakit-{Environment.ProcessId}{Path.GetExtension(target)}");
                if (!Directory.Exists(Path.GetDirectoryName(target)))
                {
                    throw new CliException($"{outPath}: cannot write: folder {Path.GetDirectoryName(target)} does not exist");
                }

                var args = new List<string> { "-y" };
                if (at is { } seconds)
                {
                    // Seek the input but keep its timestamps, so the filter shows the cue of that moment.
                    args.AddRange(["-ss", seconds.ToString("0.###", CultureInfo.InvariantCulture), "-copyts"]);
                }

                args.AddRange(["-i", "file:" + Path.GetFullPath(input), "-vf", filter]);
                args.AddRange(at is null ? ["-c:a", "copy"] : ["-frames:v", "1", "-update", "1"]);
                args.Add("file:" + temp);
                try
                {
                    ffmpeg.Run(input, args);
                    File.Move(temp, target, overwrite: true);
                }
                finally
                {
                    File.Delete(temp);
                }

                context.Error.WriteLine(at is null
                    ? $"{outPath}: {SubtitleFiles.Cues(doc.Cues.Count)} drawn into {input}"
                    : string.Create(CultureInfo.InvariantCulture, $"{outPath}: the frame at {at:0.###} s of {input} with its subtitles"));
                return ExitCodes.Success;
            }
            finally
            {
                work.Delete(recursive: true);
            }
        }));
        return command;
    }
}
