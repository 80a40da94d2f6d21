using System.CommandLine;
using KannadaKit.Cli.IO;
using KannadaKit.Cli.SubtitleIO;
using KannadaKit.Subtitles;

namespace KannadaKit.Cli.Commands;

/// <summary><c>kannadakit subtitle reflow IN [-o OUT]</c>: re-breaks lines and cues by the rules; words never change.</summary>
internal static class SubtitleReflowCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("input") { Description = "An SRT or WebVTT file" };
        var output = new Option<string?>("--output", "-o") { Description = "Output file (default: standard output)" };
        var format = new Option<string?>("--format", "-f") { Description = "srt or vtt (default: from -o's extension, else the input's format)" };
        var duration = new Option<double?>("--media-duration") { Description = "The media's length in seconds: no cue is stretched past it" };
        var rules = new RuleOptions();
        var command = new Command("reflow", "Re-break an existing subtitle file's lines and cues by the rules (split cues share their time by aksharas)")
        {
            file, output, format, duration,
        };
        rules.AddTo(command);
        command.SetAction(parse => context.Run(() =>
        {
            string path = parse.GetValue(file)!;
            string outPath = parse.GetValue(output) ?? "-";
            if (outPath != "-")
            {
                OutputGuard.RefuseInputs("--output", outPath, [(path, path)]);
            }

            var r = rules.Rules(parse);
            var (doc, from) = SubtitleFiles.Read(path);
            var to = SubtitleFiles.Parse(parse.GetValue(format)) ?? (outPath == "-" ? null : SubtitleFiles.FromName(outPath)) ?? from;
            TimeSpan? end = parse.GetValue(duration) is { } d ? TimeSpan.FromSeconds(d) : null;
            var reflowed = SubtitleReflow.Reflow(doc, r, end);
            var cues = reflowed.Cues.Select(c => c with { Text = CueText.Convert(c.Text, from, to) }).ToList();
            string text = to == SubtitleFormat.WebVtt
                ? WebVttFormat.Write(from == SubtitleFormat.WebVtt ? reflowed with { Cues = cues } : new SubtitleDocument(cues))
                : SrtFormat.Write(new SubtitleDocument(cues));
            SubtitleFiles.Write(context, outPath, text);
            context.Error.WriteLine($"{path}: {SubtitleFiles.Cues(doc.Cues.Count)} reflowed into {cues.Count}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
