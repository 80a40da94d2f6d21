using System.CommandLine;
using KannadaKit.Cli.SubtitleIO;
using KannadaKit.Subtitles;

namespace KannadaKit.Cli.Commands;

/// <summary><c>kannadakit subtitle check FILE</c>: one line per cue that breaks a rule, exit 1 when any does.</summary>
internal static class SubtitleCheckCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "SRT or WebVTT files", Arity = ArgumentArity.OneOrMore };
        var duration = new Option<double?>("--media-duration") { Description = "The media's length in seconds: cues must end by it" };
        var rules = new RuleOptions();
        var command = new Command("check", "Check subtitle files against the craft rules (lines, aksharas per line and second, durations, gaps)") { files, duration };
        rules.AddTo(command);
        command.SetAction(parse => context.Run(() =>
        {
            var r = rules.Rules(parse);
            TimeSpan? end = parse.GetValue(duration) is { } d ? TimeSpan.FromSeconds(d) : null;
            int problems = 0;
            using var o = context.OpenOutput();
            foreach (string file in parse.GetValue(files)!)
            {
                var (doc, _) = SubtitleFiles.Read(file);
                int before = problems;
                foreach (var issue in doc.Issues)
                {
                    o.Write($"{file}:line {issue.Line}: {issue.Message}\n");
                    problems++;
                }

                // The validator reads payloads as players show them (markup does not count).
                foreach (var v in SubtitleValidator.Check(doc.Cues, r, end))
                {
                    o.Write($"{file}:{v}\n");
                    problems++;
                }

                if (problems == before)
                {
                    context.Error.WriteLine($"{file}: {SubtitleFiles.Cues(doc.Cues.Count)}, all within the rules");
                }
            }

            o.Flush();
            return problems == 0 ? ExitCodes.Success : ExitCodes.Failure;
        }));
        return command;
    }
}
