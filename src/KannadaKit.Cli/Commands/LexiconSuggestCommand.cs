using System.CommandLine;
using System.Globalization;
using KannadaKit.Cli.IO;
using KannadaKit.Lexicon.Store;
using KannadaKit.Lexicon.Suggestions;

namespace KannadaKit.Cli.Commands;

/// <summary><c>lexicon suggest</c>: native-equivalent suggestions by a team of rivals and a judge, labelled as suggestions.</summary>
internal static class LexiconSuggestCommand
{
    public static Command Create(CliContext context)
    {
        var word = new Argument<string>("word") { Description = "A headword to find native (ಅಚ್ಚಗನ್ನಡ) equivalents for" };
        var db = LexiconBuildCommand.DbOption();
        var corpus = new Option<string[]>("--corpus") { Description = "Text whose contexts the corpus rival compares; repeat for more", AllowMultipleArgumentsPerToken = true };
        var limit = new Option<int>("--limit", "-n") { Description = "Most suggestions", DefaultValueFactory = _ => 10 };
        var model = ModelOption();
        var json = new Option<bool>("--json") { Description = "Print JSON: suggestions with every rival's proposal and the judge's evidence, and each rival's top pick" };
        var command = new Command("suggest", "Suggest native equivalents: rivals (Bhat's patterns, gloss synonyms, compounds, corpus contexts, a text model) propose, a judge ranks; never stored as facts")
        {
            word, db, corpus, model, limit, json,
        };
        command.SetAction(parse => context.Run(() =>
        {
            using var store = LexiconStore.Open(parse.GetValue(db)!);
            string w = parse.GetValue(word)!;
            var entry = store.Get(w) ?? throw new CliException($"no entry for \"{w}\"; suggestions need the word's glosses (import a source that has it)");
            var corpora = parse.GetValue(corpus) ?? [];
            var more = new List<IRival>();
            if (corpora.Length > 0)
                more.Add(new CorpusContextRival(store, corpora.SelectMany(c => TextLines.Read(InputFile.Open(c))), [entry.Headword]));
            using var loaded = ModelRivalLoader.Load(parse.GetValue(model), context);
            if (loaded?.Rival is { } modelRival)
                more.Add(modelRival);
            var report = NativeSuggester.WithLexiconRivals(store, [.. more]).Suggest(entry, parse.GetValue(limit));
            using var o = context.OpenOutput();
            if (parse.GetValue(json))
            {
                LexiconQueryCommand.WriteJson(o, w => Lexicon.Json.LexiconJsonWriter.WriteSuggestions(w, report));
                o.Flush();
                return ExitCodes.Success;
            }

            o.WriteLine($"Suggested native equivalents for {report.Headword} (suggestions, not attested facts):");
            if (report.Suggestions.Count == 0)
                o.WriteLine("  none: no rival found anything to go on (" + string.Join(", ", report.RivalsHeard) + ")");
            int n = 0;
            foreach (var s in report.Suggestions)
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {++n}. {s.Word}  {s.Score:0.00}  [{string.Join(", ", s.Proposals.Select(p => p.Rival).Distinct())}]"));
                foreach (var p in s.Proposals)
                    o.WriteLine($"       {p.Rival}: {p.Reason}");
                foreach (var e in s.Evidence)
                    o.WriteLine($"       judge: {e}");
            }

            if (report.RivalsDisagree)
                o.WriteLine("Rivals disagree: " + string.Join("; ", report.TopPicks.Select(kv => $"{kv.Key} → {kv.Value}")));
            o.Flush();
            return ExitCodes.Success;
        }));
        return command;
    }

    internal static Option<string?> ModelOption() => new("--model")
    {
        Description = "A text model folder (ONNX, Hugging Face optimum layout, with tokenizer.json) to hear as one more rival",
    };
}
