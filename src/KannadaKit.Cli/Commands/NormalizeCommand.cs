using System.CommandLine;
using KannadaKit.Cli.Normalize;
using KannadaKit.Text.Normalization;

namespace KannadaKit.Cli.Commands;

/// <summary><c>kannadakit normalize</c>: files or stdin → normalized text on stdout or a file.</summary>
internal static class NormalizeCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Input files (plain or .gz, detected by content); none or - reads standard input",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE (atomically; FILE.gz is gzip-compressed) instead of standard output" };
        var inPlace = new Option<bool>("--in-place") { Description = "Replace each input file with its normalized form (through a temporary file and rename)" };
        var profile = new Option<string>("--profile", "-p")
        {
            Description = "Rule set: default (safe), aggressive (adds punctuation, quotes, digits), indicnlp (byte-compatible with indic_nlp_library)",
            DefaultValueFactory = _ => "default",
        };
        profile.AcceptOnlyFromAmong("default", "aggressive", "indicnlp");
        var rules = new Option<string?>("--rules", "-r") { Description = "Switch rules on or off over the profile, e.g. +quotes,-whitespace (see --list-rules)" };
        var listRules = new Option<bool>("--list-rules") { Description = "List the rules with their profiles and exit" };
        var jsonl = new Option<bool>("--jsonl") { Description = "Input is JSON Lines: normalize one string field per record, leave the rest byte for byte" };
        var field = new Option<string>("--field") { Description = "JSONL field to normalize (dotted path for nested objects)", DefaultValueFactory = _ => "text" };
        var onInvalid = new Option<string>("--on-invalid")
        {
            Description = "Invalid UTF-8: error (stop with the byte offset) or replace (substitute U+FFFD and count)",
            DefaultValueFactory = _ => "error",
        };
        onInvalid.AcceptOnlyFromAmong("error", "replace");
        var report = new Option<string?>("--report") { Description = "Write the per-rule change report (counts and examples) as JSON to FILE" };
        var summary = new Option<bool>("--summary") { Description = "Print the change report as a table on standard error" };
        var threads = new Option<int>("--threads", "-j") { Description = "Worker threads (default: all cores)", DefaultValueFactory = _ => 0 };
        var progress = new Option<bool?>("--progress") { Description = "Force the progress bar on or off (default: on when standard error is a terminal and output is not)" };

        var command = new Command("normalize", "Normalize Indic (Kannada-first) text: NFC, joiners, invisible characters, look-alikes")
        {
            files, output, inPlace, profile, rules, listRules, jsonl, field, onInvalid, report, summary, threads, progress,
        };
        command.SetAction(parse => context.Run(() =>
        {
            var options = Options(parse.GetValue(profile)!, parse.GetValue(rules));

            if (parse.GetValue(listRules))
            {
                ListRules(context.Out);
                return ExitCodes.Success;
            }

            int t = parse.GetValue(threads);
            if (t < 0)
            {
                throw new CliException("--threads must be 0 (all cores) or more", ExitCodes.Usage);
            }

            if (parse.GetValue(jsonl))
            {
                CheckField(parse.GetValue(field)!);
            }

            var settings = new NormalizeSettings(
                parse.GetValue(files) ?? [],
                parse.GetValue(output),
                parse.GetValue(inPlace),
                options,
                parse.GetValue(jsonl) ? parse.GetValue(field) : null,
                parse.GetValue(onInvalid) == "replace",
                parse.GetValue(report),
                parse.GetValue(summary),
                t,
                parse.GetValue(progress));
            return new NormalizeJob(settings, context.Error, context.OpenOutputStream).Run();
        }));
        return command;
    }

    /// <summary>The normalizer options for <c>--profile</c> and <c>--rules</c> (also what cluster shards run with).</summary>
    internal static NormalizerOptions Options(string profile, string? rules)
    {
        if (!NormalizationRules.TryParseProfile(profile, out var p))
        {
            throw new CliException($"unknown profile '{profile}'", ExitCodes.Usage);
        }

        var options = NormalizerOptions.ForProfile(p);
        if (rules is null)
        {
            return options;
        }

        try
        {
            return options.WithRules(rules);
        }
        catch (RuleSpecException e)
        {
            throw new CliException("--rules: " + e.Message, ExitCodes.Usage);
        }
    }

    /// <summary>Checks a <c>--field</c> path.</summary>
    internal static void CheckField(string path)
    {
        if (path.Length == 0 || path.Split('.').Any(part => part.Length == 0))
        {
            throw new CliException($"--field '{path}': expected a field name, or a dotted path of names such as meta.title", ExitCodes.Usage);
        }
    }

    private static void ListRules(TextWriter o)
    {
        foreach (var rule in NormalizationRules.All)
        {
            var profiles = new[] { NormalizationProfile.Default, NormalizationProfile.Aggressive, NormalizationProfile.IndicNlp }
                .Where(p => NormalizationRules.RulesOf(p).Contains(rule.Name))
                .Select(NormalizationRules.NameOf);
            string where = string.Join(",", profiles);
            o.WriteLine($"{rule.Name,-22} [{(where.Length == 0 ? "opt-in" : where)}]");
            o.WriteLine($"    {rule.Description}");
        }
    }
}
