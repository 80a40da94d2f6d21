using System.CommandLine;
using KannadaKit.Cli.IO;
using KannadaKit.Text.Scripts;
using KannadaKit.Text.Transliteration;
using KannadaKit.Text.Transliteration.Romanized;

namespace KannadaKit.Cli.Commands;

/// <summary><c>kannadakit translit</c>: one output line per input line, between Kannada and other scripts or schemes.</summary>
internal static class TranslitCommand
{
    private const string DefaultModelName = "romanized-kn.kkrm";

    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Input files (plain or .gz); none or - reads standard input",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var from = new Option<string>("--from", "-f") { Description = "Source scheme (see --list)", DefaultValueFactory = _ => "kn" };
        var to = new Option<string>("--to", "-t") { Description = "Target scheme (see --list)", DefaultValueFactory = _ => "kn" };
        var top = new Option<int>("--top", "-k")
        {
            Description = "With --from romanized: a line holding one word gets its K best readings, tab-separated, best first",
            DefaultValueFactory = _ => 1,
        };
        var model = new Option<string?>("--model")
        {
            Description = $"Romanized-input model (default: $KANNADAKIT_MODELS/{DefaultModelName}, else models/{DefaultModelName})",
        };
        var plain = new Option<bool>("--plain") { Description = "Latin targets: no {braces} around Latin text of the source (readable, not reversible)" };
        var list = new Option<bool>("--list") { Description = "List the schemes and exit" };
        var listIcu = new Option<bool>("--list-icu") { Description = "List the ICU transform ids icu:ID accepts and exit" };
        var command = new Command("translit", "Transliterate line by line: Kannada ↔ ISO 15919, ITRANS, Baraha, other Indic scripts; casual romanized → Kannada")
        {
            files, from, to, top, model, plain, list, listIcu,
        };
        command.SetAction(parse => context.Run(() =>
        {
            if (parse.GetValue(list))
            {
                foreach (var scheme in TransliterationRoute.Schemes)
                    context.Out.WriteLine($"{string.Join(", ", scheme.Names),-28} {scheme.Description}");
                return ExitCodes.Success;
            }
            if (parse.GetValue(listIcu))
            {
                foreach (var id in IcuTransform.AvailableIds())
                    context.Out.WriteLine(id);
                return ExitCodes.Success;
            }
            string f = Canonical(parse.GetValue(from)!, "--from");
            string t = Canonical(parse.GetValue(to)!, "--to");
            if (t == "romanized")
                throw new CliException("--to romanized: casual romanization is only read; write iso15919, itrans or baraha instead", ExitCodes.Usage);
            int k = parse.GetValue(top);
            if (k < 1)
                throw new CliException("--top must be 1 or more", ExitCodes.Usage);
            if (k > 1 && f != "romanized")
                throw new CliException("--top applies to --from romanized only", ExitCodes.Usage);
            var inputs = TextLines.Inputs(parse.GetValue(files));

            var route = TransliterationRoute.Create(f, t, new TransliterationRouteOptions
            {
                Plain = parse.GetValue(plain),
                RomanizedModel = f == "romanized" ? LoadModel(parse.GetValue(model)) : null,
            });
            using var o = context.OpenOutput();
            foreach (var input in inputs)
            {
                foreach (string line in TextLines.Read(input))
                {
                    o.Write(Line(route, line, k));
                    o.Write('\n');
                }
            }
            o.Flush();
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Canonical(string name, string option) =>
        TransliterationRoute.Canonical(name) ?? throw new CliException(
            $"{option}: unknown scheme '{name}'; expected one of {string.Join(", ", TransliterationRoute.Schemes.Select(s => s.Name))}", ExitCodes.Usage);

    /// <summary>A line holding one Latin word with --top K gets its K best readings, tab-separated; any other line
    /// its one transliteration.</summary>
    private static string Line(TransliterationRoute route, string line, int top)
    {
        if (top > 1 && IsOneWord(line))
        {
            var readings = route.Readings(line, top);
            return readings.Count == 0 ? line : string.Join('\t', readings);
        }
        return route.Transliterate(line);
    }

    private static bool IsOneWord(string line)
    {
        var t = line.AsSpan().Trim();
        if (t.IsEmpty)
            return false;
        foreach (char c in t)
        {
            if (!char.IsAsciiLetter(c))
                return false;
        }
        return true;
    }

    private static RomanizedModel LoadModel(string? path)
    {
        string? env = Environment.GetEnvironmentVariable("KANNADAKIT_MODELS");
        path ??= env is { Length: > 0 } ? Path.Combine(env, DefaultModelName) : Path.Combine("models", DefaultModelName);
        if (!File.Exists(path))
        {
            throw new CliException($"{path}: no romanized-input model; build one with 'kannadakit train-romanized' " +
                                   "(see models/README.md) or pass --model FILE");
        }
        try
        {
            using var stream = File.OpenRead(path);
            return RomanizedModel.Load(stream);
        }
        catch (InvalidDataException e)
        {
            throw new CliException($"{path}: {e.Message}");
        }
    }
}
