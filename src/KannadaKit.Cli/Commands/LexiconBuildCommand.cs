using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using KannadaKit.Cli.IO;
using KannadaKit.Cli.Terminal;
using KannadaKit.Lexicon.Import;
using KannadaKit.Lexicon.Store;

namespace KannadaKit.Cli.Commands;

/// <summary><c>lexicon build</c> and <c>lexicon import</c>: sources into a lexicon, with a progress bar and a summary per source.</summary>
internal static class LexiconBuildCommand
{
    public static Command Build(CliContext context)
    {
        var output = new Option<string>("--out", "-o")
        {
            Description = "The lexicon to create or grow: a SQLite file, or a PostgreSQL database (postgres://user:password@host/db or Host=…;Database=…)",
            Required = true,
        };
        var wiktionary = Many("--wiktionary", "A Wiktionary XML dump, .xml or .xml.bz2 (en.wiktionary or kn.wiktionary)");
        var kaikki = Many("--kaikki", "A kaikki.org / wiktextract JSON lines file");
        var alar = Many("--alar", "Alar's alar.yml");
        var csv = Many("--csv", "CSV with a headword column");
        var corpus = Many("--corpus", "Running text to harvest headwords, counts and examples from");
        var words = Many("--words", "A word list, one word per line (optionally a tab and a count)");
        var licence = new Option<string>("--licence") { Description = "Licence of the --csv, --words and --corpus files (kept with every fact)", DefaultValueFactory = _ => "unknown" };
        var minCount = new Option<int>("--min-count") { Description = "Corpus words seen fewer times are not headwords", DefaultValueFactory = _ => 1 };
        var progress = ProgressOption();
        var command = new Command("build", "Build a lexicon from dumps, dictionaries, word lists and corpora; an existing lexicon grows (each source replaces only its own facts)")
        {
            output, wiktionary, kaikki, alar, csv, corpus, words, licence, minCount, progress,
        };
        command.SetAction(parse => context.Run(() =>
        {
            if (parse.GetValue(minCount) < 1)
                throw new CliException("--min-count: must be at least 1", ExitCodes.Usage);
            string lic = parse.GetValue(licence)!;
            var harvest = CorpusHarvestOptions.Default with { MinCount = parse.GetValue(minCount) };
            var sources = new List<SourceFile>();
            void Add(Option<string[]> option, ImportFormat format)
            {
                foreach (var path in parse.GetValue(option) ?? [])
                    sources.Add(SourceFile.Open(path, format, lic, corpus: harvest));
            }

            Add(wiktionary, ImportFormat.WiktionaryDump);
            Add(kaikki, ImportFormat.Kaikki);
            Add(alar, ImportFormat.AlarYaml);
            Add(csv, ImportFormat.Csv);
            Add(words, ImportFormat.WordList);
            Add(corpus, ImportFormat.Corpus);
            if (sources.Count == 0)
                throw new CliException("lexicon build: give at least one source (--wiktionary, --kaikki, --alar, --csv, --words or --corpus)", ExitCodes.Usage);

            string target = parse.GetValue(output)!;
            if (LexiconStore.IsServerLocation(target))
                BuildInDatabase(context, target, sources, parse.GetValue(progress));
            else
                BuildAtomically(context, Path.GetFullPath(target), sources, parse.GetValue(progress));
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Import(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "kaikki JSONL, Alar YAML, CSV, a word list or a Wiktionary dump (detected by content)" };
        var db = DbOption();
        var format = new Option<string?>("--format") { Description = "Override detection: wiktionary, kaikki, alar, csv, words, corpus" };
        var licence = new Option<string>("--licence") { Description = "Licence of a CSV, word list or corpus (kept with every fact)", DefaultValueFactory = _ => "unknown" };
        var progress = ProgressOption();
        var command = new Command("import", "Import one file into a lexicon in one transaction: a failure leaves the lexicon as it was") { file, db, format, licence, progress };
        command.SetAction(parse => context.Run(() =>
        {
            ImportFormat? f = null;
            if (parse.GetValue(format) is { } name)
            {
                f = ImportFormats.Parse(name)
                    ?? throw new CliException($"--format: '{name}' is not one of wiktionary, kaikki, alar, csv, words, corpus", ExitCodes.Usage);
            }

            var source = SourceFile.Open(parse.GetValue(file)!, f, parse.GetValue(licence)!);
            using var store = LexiconStore.Open(parse.GetValue(db)!);
            using var status = StatusLine.Create(context.Error, parse.GetValue(progress));
            ImportOne(context, store, source, status);
            return ExitCodes.Success;
        }));
        return command;
    }

    internal static Option<string> DbOption() => new("--db")
    {
        Description = "The lexicon (made by 'lexicon build'): a SQLite file, or a PostgreSQL database as postgres://… or Host=…;Database=…",
        Required = true,
    };

    internal static Option<bool?> ProgressOption() => new("--progress") { Description = "Force the progress bar on (true) or off (false); default: on a terminal" };

    private static Option<string[]> Many(string name, string description) =>
        new(name) { Description = description + "; repeat for more", AllowMultipleArgumentsPerToken = true };

    /// <summary>
    /// Builds into a copy beside the target and renames it over the target only when every source imported, so a
    /// failed build leaves an existing lexicon exactly as it was and never leaves a half-built new one.
    /// </summary>
    private static void BuildAtomically(CliContext context, string target, List<SourceFile> sources, bool? progress)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        TempFiles.RemoveStale(target);
        string temp = TempFiles.NameFor(target);
        string[] all = [temp, temp + "-wal", temp + "-shm"];
        foreach (var t in all)
            TempFiles.Track(t);
        try
        {
            if (File.Exists(target))
            {
                // Open first: a file that is not a lexicon is refused before anything is copied or written.
                using (var existing = LexiconStore.Open(target))
                    existing.Checkpoint(); // the copy must hold what a log beside the target still has
                File.Copy(target, temp);
            }

            var clock = Stopwatch.StartNew();
            using (var store = LexiconStore.Open(temp, create: true))
            using (var status = StatusLine.Create(context.Error, progress))
            {
                foreach (var s in sources)
                    ImportOne(context, store, s, status);
                var stats = store.Stats();
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{target}: {stats.Headwords:N0} headwords, {stats.WithOrigin:N0} with an origin, {stats.WithExample:N0} with an example, {stats.WithGloss:N0} with an English gloss ({clock.Elapsed.TotalSeconds:F1} s)"));
                store.Checkpoint(); // only the main file is renamed over the target
            }

            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            foreach (var t in all)
            {
                TempFiles.Forget(t);
                try
                {
                    File.Delete(t);
                }
                catch (IOException)
                {
                    // litter at worst; the next run removes stale temps
                }
            }
        }
    }

    /// <summary>A database build is one transaction over every source: it all lands, or the database stays as it was.</summary>
    private static void BuildInDatabase(CliContext context, string target, List<SourceFile> sources, bool? progress)
    {
        var clock = Stopwatch.StartNew();
        using var store = LexiconStore.Open(target, create: true);
        using (var status = StatusLine.Create(context.Error, progress))
        {
            store.Atomically(() =>
            {
                foreach (var s in sources)
                    ImportOne(context, store, s, status);
            });
        }

        PrintTotals(context, store, clock);
    }

    private static void PrintTotals(CliContext context, LexiconStore store, Stopwatch clock)
    {
        var stats = store.Stats();
        context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{store.Path}: {stats.Headwords:N0} headwords, {stats.WithOrigin:N0} with an origin, {stats.WithExample:N0} with an example, {stats.WithGloss:N0} with an English gloss ({clock.Elapsed.TotalSeconds:F1} s)"));
    }

    private static void ImportOne(CliContext context, LexiconStore store, SourceFile source, StatusLine status)
    {
        var clock = Stopwatch.StartNew();
        double read = 0;
        long records = 0;
        string name = Path.GetFileName(source.Path);
        void Draw() => status.Draw(() => string.Create(CultureInfo.InvariantCulture, $"{name}: {StatusLine.Bar(read)} {read:P0} {records:N0} records {clock.Elapsed.TotalSeconds:F0} s"));
        var fileProgress = new SyncProgress<double>(f => { read = f; Draw(); });
        var recordProgress = new SyncProgress<long>(n => { records = n; Draw(); });
        var report = store.Import(source.Source, source.Entries(fileProgress), recordProgress);
        status.Clear();
        context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{source.Path}: {ImportFormats.Name(source.Format)}, {report.Records:N0} records, {report.NewHeadwords:N0} new headwords, {report.UpdatedHeadwords:N0} updated ({clock.Elapsed.TotalSeconds:F1} s)"));
    }
}
