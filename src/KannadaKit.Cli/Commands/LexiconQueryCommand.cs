using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using KannadaKit.Lexicon.Json;
using KannadaKit.Lexicon.Search;
using KannadaKit.Lexicon.Store;

namespace KannadaKit.Cli.Commands;

/// <summary><c>lexicon search</c>, <c>show</c> and <c>stats</c>: read-only looks at a lexicon, as text or JSON.</summary>
internal static class LexiconQueryCommand
{

    public static Command Search(CliContext context)
    {
        var query = new Argument<string>("query") { Description = "Kannada, Latin (kannada, kannaDa, kannaḍa) or English" };
        var db = LexiconBuildCommand.DbOption();
        var mode = new Option<string>("--mode") { Description = "auto, exact, prefix, substring, fuzzy, phonetic, english or lemma", DefaultValueFactory = _ => "auto" };
        var limit = new Option<int>("--limit", "-n") { Description = "Most results", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print a JSON array, best first: headword, reason, score, mode, gloss, origin, frequency" };
        var command = new Command("search", "Search a lexicon; every result says why it matched") { query, db, mode, limit, json };
        command.SetAction(parse => context.Run(() =>
        {
            var m = SearchModes.Parse(parse.GetValue(mode))
                ?? throw new CliException($"--mode: '{parse.GetValue(mode)}' is not one of {string.Join(", ", SearchModes.Names)}", ExitCodes.Usage);
            int n = parse.GetValue(limit);
            if (n is < 1 or > 1000)
                throw new CliException("--limit: between 1 and 1000", ExitCodes.Usage);
            using var store = LexiconStore.Open(parse.GetValue(db)!);
            var results = new LexiconSearcher(store).Search(parse.GetValue(query)!, m, n);
            using var o = context.OpenOutput();
            if (parse.GetValue(json))
            {
                WriteJson(o, w => LexiconJsonWriter.WriteResults(w, results));
            }
            else if (results.Count == 0)
            {
                context.Error.WriteLine($"no match for \"{parse.GetValue(query)}\"");
                return ExitCodes.Failure;
            }
            else
            {
                foreach (var r in results)
                {
                    string gloss = r.Gloss.Length > 0 ? "  " + r.Gloss : "";
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Headword}\t{r.Score:F1}\t{r.Reason}{gloss}"));
                }
            }

            o.Flush();
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Show(CliContext context)
    {
        var word = new Argument<string>("word") { Description = "A headword; an inflected form shows its lemma" };
        var db = LexiconBuildCommand.DbOption();
        var json = new Option<bool>("--json") { Description = "Print the entry as JSON (the web API's /api/entry)" };
        var command = new Command("show", "Show an entry: senses, examples, origin with evidence, etymology, inflection tables, sources and licences") { word, db, json };
        command.SetAction(parse => context.Run(() =>
        {
            using var store = LexiconStore.Open(parse.GetValue(db)!);
            string w = parse.GetValue(word)!;
            if (w.Length > LexiconSearcher.MaxQueryLength)
                throw new CliException($"word is {w.Length} characters long; at most {LexiconSearcher.MaxQueryLength} are accepted", ExitCodes.Usage);
            var entry = store.Get(w);
            if (entry is null)
            {
                // An inflected form or a Latin spelling: show the best lemma or reading when it is a strong match.
                var best = new LexiconSearcher(store).Search(w, SearchMode.Auto, 1).FirstOrDefault(r => r.Score >= 85);
                entry = best is null ? null : store.Get(best.Headword);
                if (entry is not null)
                    context.Error.WriteLine($"{w}: showing {entry.Headword} ({best!.Reason})");
            }

            if (entry is null)
            {
                context.Error.WriteLine($"kannadakit: error: no entry for \"{w}\"; try 'kannadakit lexicon search {w} --db {Lexicon.Store.LexiconStore.DisplayName(parse.GetValue(db)!)}'");
                return ExitCodes.Failure;
            }

            using var o = context.OpenOutput();
            if (parse.GetValue(json))
            {
                WriteJson(o, w => LexiconJsonWriter.WriteEntry(w, entry));
            }
            else
            {
                LexiconEntryText.Write(o, entry);
            }

            o.Flush();
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Stats(CliContext context)
    {
        var db = LexiconBuildCommand.DbOption();
        var json = new Option<bool>("--json") { Description = "Print JSON: headwords, with_origin, with_example, with_frequency, with_gloss, senses, by_source, by_origin" };
        var command = new Command("stats", "Count what a lexicon holds") { db, json };
        command.SetAction(parse => context.Run(() =>
        {
            using var store = LexiconStore.Open(parse.GetValue(db)!);
            var s = store.Stats();
            using var o = context.OpenOutput();
            if (parse.GetValue(json))
            {
                WriteJson(o, w => LexiconJsonWriter.WriteStats(w, s));
            }
            else
            {
                var c = CultureInfo.InvariantCulture;
                o.WriteLine(string.Create(c, $"headwords       {s.Headwords,10:N0}"));
                o.WriteLine(string.Create(c, $"with origin     {s.WithOrigin,10:N0}"));
                o.WriteLine(string.Create(c, $"with example    {s.WithExample,10:N0}"));
                o.WriteLine(string.Create(c, $"with frequency  {s.WithFrequency,10:N0}"));
                o.WriteLine(string.Create(c, $"with gloss      {s.WithGloss,10:N0}"));
                o.WriteLine(string.Create(c, $"senses          {s.Senses,10:N0}"));
                o.WriteLine("origins:");
                foreach (var (k, v) in s.ByOrigin.OrderByDescending(kv => kv.Value))
                    o.WriteLine(string.Create(c, $"  {k,-14}{v,10:N0}"));
                o.WriteLine("facts by source:");
                foreach (var (k, v) in s.BySource)
                    o.WriteLine(string.Create(c, $"  {k,-30}{v,10:N0}"));
            }

            o.Flush();
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Indented lexicon JSON and a newline on the command's output, after whatever text is buffered.</summary>
    internal static void WriteJson(StreamWriter o, Action<Utf8JsonWriter> write)
    {
        o.Flush();
        using (var w = new Utf8JsonWriter(o.BaseStream, LexiconJsonWriter.Options(indented: true)))
            write(w);
        o.BaseStream.WriteByte((byte)'\n');
    }
}
