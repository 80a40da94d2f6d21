using System.CommandLine;
using System.Globalization;
using KannadaKit.Cli.IO;
using KannadaKit.Lexicon.Ellara;

namespace KannadaKit.Cli.Commands;

/// <summary><c>kannadakit lexicon</c>: build, grow, search and export the lexicon; Ellara respelling.</summary>
internal static class LexiconCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("lexicon", "The Ellara Kannada lexicon (D. N. Shankara Bhat's method): build, import, search, show, stats, suggest, export, serve, review, respell");
        command.Subcommands.Add(LexiconBuildCommand.Build(context));
        command.Subcommands.Add(LexiconBuildCommand.Import(context));
        command.Subcommands.Add(LexiconQueryCommand.Search(context));
        command.Subcommands.Add(LexiconQueryCommand.Show(context));
        command.Subcommands.Add(LexiconQueryCommand.Stats(context));
        command.Subcommands.Add(LexiconSuggestCommand.Create(context));
        command.Subcommands.Add(LexiconExportCommand.Create(context));
        command.Subcommands.Add(LexiconServeCommand.Create(context));
        command.Subcommands.Add(LexiconReviewCommand.Create(context));
        command.Subcommands.Add(Respell(context));
        return command;
    }

    private static Command Respell(CliContext context)
    {
        var text = new Argument<string[]>("text") { Description = "Text to respell; none reads standard input line by line", Arity = ArgumentArity.ZeroOrMore };
        var without = new Option<string?>("--without") { Description = "Changes to leave out, by number (1 aspirates, 2 ಙ ಞ, 3 ಋ, 4 ಷ, 5 visarga, 6 ಐ ಔ, 7 arkavottu), e.g. 7 or 1,6" };
        var keep = new Option<string[]>("--keep") { Description = "Words (names) to keep as written; repeat or separate with commas", AllowMultipleArgumentsPerToken = true };
        var explain = new Option<bool>("--explain") { Description = "Also print each change on standard error: line, change, before → after" };
        var command = new Command("respell", "Write Kannada the ಹೊಸಬರಹ way by Bhat's seven changes, one output line per input line") { text, without, keep, explain };
        command.SetAction(parse => context.Run(() =>
        {
            var options = EllaraOptions.Default;
            if (parse.GetValue(without) is { } w)
            {
                foreach (var part in w.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n is < 1 or > 7)
                    {
                        throw new CliException($"--without: '{part}' is not a change number 1–7", ExitCodes.Usage);
                    }

                    options = options.Without((EllaraChange)n);
                }
            }

            var kept = (parse.GetValue(keep) ?? []).SelectMany(k => k.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            if (kept.Length > 0)
            {
                options = options.Exempting(kept);
            }

            var respeller = new EllaraRespeller(options);
            bool show = parse.GetValue(explain);
            var given = parse.GetValue(text) ?? [];
            IEnumerable<string> lines = given.Length > 0 ? [string.Join(' ', given)] : TextLines.Inputs([]).SelectMany(input => TextLines.Read(input));
            using var o = context.OpenOutput();
            int number = 0;
            foreach (var line in lines)
            {
                number++;
                var r = respeller.Explain(line);
                o.Write(r.Text);
                o.Write('\n');
                if (show)
                {
                    foreach (var e in r.Edits)
                    {
                        context.Error.WriteLine($"{number}: {(int)e.Change} {e.Change}: {e.Before} → {e.After}");
                    }
                }
            }

            o.Flush();
            return ExitCodes.Success;
        }));
        return command;
    }
}
