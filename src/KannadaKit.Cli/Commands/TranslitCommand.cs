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

    /// <summary>Every name --from and --to accept, with what it stands for.</summary>
    private static readonly (string[] Names, string What)[] s_schemes =
    [
        (["kn", "kannada", "knda"], "Kannada script"),
        (["iso15919", "iso"], "ISO 15919 (reversible: Latin and ASCII digits of the source come back in {braces})"),
        (["itrans"], "ITRANS 5.3, Dravidian vowels (e/o short, E/O long)"),
        (["baraha", "nudi-phonetic"], "Baraha/Nudi phonetic typing (A I U E O long, ^ ZWJ, ^^ ZWNJ)"),
        (["romanized", "roman", "kanglish"], "casual Latin as people type it (from only; needs a model, see train-romanized)"),
        (["devanagari", "deva", "hi"], "Devanagari (ICU)"),
        (["telugu", "telu", "te"], "Telugu (ICU)"),
        (["tamil", "taml", "ta"], "Tamil (ICU; lossy)"),
        (["malayalam", "mlym", "ml"], "Malayalam (ICU)"),
        (["bengali", "beng", "bn"], "Bengali (ICU; lossy)"),
        (["gujarati", "gujr", "gu"], "Gujarati (ICU; lossy)"),
        (["gurmukhi", "guru", "pa"], "Gurmukhi (ICU; lossy)"),
        (["odia", "orya", "oriya", "or"], "Odia (ICU; lossy)"),
    ];

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
        var command = new Command("translit", "Transliterate line by line: Kannada ↔ ISO 15919, ITRANS, Baraha, other Indic scripts; casual romanized → Kannada")
        {
            files, from, to, top, model, plain, list,
        };
        command.SetAction(parse => context.Run(() =>
        {
            if (parse.GetValue(list))
            {
                foreach (var (names, what) in s_schemes)
                    context.Out.WriteLine($"{string.Join(", ", names),-28} {what}");
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

            using var pipeline = new Pipeline(f, t, parse.GetValue(plain), f == "romanized" ? LoadModel(parse.GetValue(model)) : null);
            using var o = TextLines.OpenStdout();
            foreach (var input in inputs)
            {
                foreach (string line in TextLines.Read(input))
                {
                    o.Write(pipeline.Line(line, k));
                    o.Write('\n');
                }
            }
            o.Flush();
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Canonical(string name, string option)
    {
        foreach (var (names, _) in s_schemes)
        {
            if (names.Contains(name, StringComparer.OrdinalIgnoreCase))
                return names[0];
        }
        throw new CliException($"{option}: unknown scheme '{name}'; expected one of {string.Join(", ", s_schemes.Select(s => s.Names[0]))}", ExitCodes.Usage);
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

    /// <summary>Source → Kannada → target, with whatever each step needs.</summary>
    private sealed class Pipeline : IDisposable
    {
        private readonly string _from;
        private readonly string _to;
        private readonly bool _plain;
        private readonly RomanizedDecoder? _decoder;
        private readonly IndicScriptTransliterator? _fromIcu;
        private readonly IndicScriptTransliterator? _toIcu;

        public Pipeline(string from, string to, bool plain, RomanizedModel? model)
        {
            _from = from;
            _to = to;
            _plain = plain;
            _decoder = model is null ? null : new RomanizedDecoder(model);
            try
            {
                if (Script(from) is { } fs)
                    _fromIcu = IndicScriptTransliterator.Create(fs, IndicScripts.Kannada);
                if (Script(to) is { } ts)
                    _toIcu = IndicScriptTransliterator.Create(IndicScripts.Kannada, ts);
            }
            catch (TransliterationException e)
            {
                throw new CliException(e.Message);
            }
        }

        private static IndicScript? Script(string name) => name switch
        {
            "devanagari" => IndicScripts.Devanagari,
            "telugu" => IndicScripts.Telugu,
            "tamil" => IndicScripts.Tamil,
            "malayalam" => IndicScripts.Malayalam,
            "bengali" => IndicScripts.Bengali,
            "gujarati" => IndicScripts.Gujarati,
            "gurmukhi" => IndicScripts.Gurmukhi,
            "odia" => IndicScripts.Odia,
            _ => null,
        };

        public string Line(string line, int top)
        {
            if (_decoder is not null && top > 1 && IsOneWord(line))
            {
                var candidates = _decoder.Decode(line.Trim(), top);
                return candidates.Count == 0
                    ? line
                    : string.Join('\t', candidates.Select(c => ToTarget(c.Kannada)));
            }
            return ToTarget(ToKannada(line));
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

        private string ToKannada(string line) => _from switch
        {
            "kn" => line,
            "romanized" => _decoder!.DecodeLine(line),
            _ when _fromIcu is not null => _fromIcu.Transliterate(line),
            _ => RomanSchemes.Find(_from)!.ToKannada(line),
        };

        private string ToTarget(string kannada) => _to switch
        {
            "kn" => kannada,
            _ when _toIcu is not null => _toIcu.Transliterate(kannada),
            _ => RomanSchemes.Find(_to)!.FromKannada(kannada, reversible: !_plain),
        };

        public void Dispose()
        {
            _fromIcu?.Dispose();
            _toIcu?.Dispose();
        }
    }
}
