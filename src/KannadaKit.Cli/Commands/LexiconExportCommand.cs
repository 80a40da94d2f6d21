using System.CommandLine;
using System.Globalization;
using KannadaKit.Cli.IO;
using KannadaKit.Cli.Terminal;
using KannadaKit.Lexicon.Export;
using KannadaKit.Lexicon.Store;

namespace KannadaKit.Cli.Commands;

/// <summary><c>lexicon export</c>: the whole lexicon as kaikki JSONL, Wiktionary wikitext (a MediaWiki XML export) or CSV.</summary>
internal static class LexiconExportCommand
{
    public static Command Create(CliContext context)
    {
        var db = LexiconBuildCommand.DbOption();
        var format = new Option<string>("--format") { Description = "kaikki, wikitext or csv", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "The file to write (replaced only when the export succeeds; .gz compresses)", Required = true };
        var progress = LexiconBuildCommand.ProgressOption();
        var command = new Command("export", "Export every entry with its sources: kaikki-compatible JSONL, Wiktionary wikitext pages, or CSV") { db, format, output, progress };
        command.SetAction(parse => context.Run(() =>
        {
            var f = parse.GetValue(format) switch
            {
                "kaikki" => ExportFormat.Kaikki,
                "wikitext" => ExportFormat.Wikitext,
                "csv" => ExportFormat.Csv,
                var other => throw new CliException($"--format: '{other}' is not one of kaikki, wikitext, csv", ExitCodes.Usage),
            };
            string target = Path.GetFullPath(parse.GetValue(output)!);
            using var store = LexiconStore.Open(parse.GetValue(db)!);
            if (string.Equals(target, Path.GetFullPath(store.Path), StringComparison.Ordinal))
                throw new CliException($"{target}: the output is the lexicon itself", ExitCodes.Usage);
            long total = store.Stats().Headwords;
            using var status = StatusLine.Create(context.Error, parse.GetValue(progress));
            using var o = AtomicOutput.Create(target, target);
            long n = new LexiconExporter(store).Write(f, o.Stream, new ExportProgress(status, total));
            o.Commit();
            status.Clear();
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{target}: {n:N0} entries as {parse.GetValue(format)}"));
            return ExitCodes.Success;
        }));
        return command;
    }

    private sealed class ExportProgress(StatusLine status, long total) : IProgress<long>
    {
        public void Report(long value) =>
            status.Draw(() => string.Create(CultureInfo.InvariantCulture, $"export {StatusLine.Bar((double)value / Math.Max(1, total))} {value:N0}/{total:N0}"));
    }
}
