using System.CommandLine;
using KannadaKit.Cli.IO;
using KannadaKit.Text.Legacy;

namespace KannadaKit.Cli.Commands;

/// <summary><c>kannadakit legacy</c>: Nudi/Baraha ANSI font text → Unicode Kannada, line by line.</summary>
internal static class LegacyCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Input files (plain or .gz; UTF-8, or 8-bit as saved from old Windows editors); none or - reads standard input",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var from = new Option<string>("--from", "-f")
        {
            Description = "nudi or baraha (one font layout; every line is converted) or auto (only lines that look like font text)",
            DefaultValueFactory = _ => "auto",
        };
        from.AcceptOnlyFromAmong("nudi", "baraha", "auto");
        var command = new Command("legacy", "Convert Kannada typed in the Nudi/Baraha ANSI fonts to Unicode; one output line per input line")
        {
            files, from,
        };
        command.SetAction(parse => context.Run(() =>
        {
            var inputs = TextLines.Inputs(parse.GetValue(files));
            bool auto = parse.GetValue(from) == "auto";
            long converted = 0, lines = 0;
            using var o = context.OpenOutput();
            foreach (var input in inputs)
            {
                foreach (string line in TextLines.Read(input, latin1Fallback: true))
                {
                    lines++;
                    if (!auto || LegacyConverter.LooksLegacy(line))
                    {
                        o.Write(LegacyConverter.Nudi.ToUnicode(line));
                        converted++;
                    }
                    else
                    {
                        o.Write(line);
                    }
                    o.Write('\n');
                }
            }
            o.Flush();
            if (auto)
                context.Error.WriteLine($"kannadakit: legacy: converted {converted:N0} of {lines:N0} lines that looked like Nudi/Baraha text");
            return ExitCodes.Success;
        }));
        return command;
    }
}
