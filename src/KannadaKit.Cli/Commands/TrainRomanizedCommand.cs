using System.CommandLine;
using System.Diagnostics;
using KannadaKit.Cli.IO;
using KannadaKit.Text.Transliteration.Romanized;

namespace KannadaKit.Cli.Commands;

/// <summary><c>kannadakit train-romanized</c>: builds the model <c>translit --from romanized</c> loads.</summary>
internal static class TrainRomanizedCommand
{
    public static Command Create(CliContext context)
    {
        var pairs = new Option<string>("--pairs")
        {
            Description = "Word pairs, one per line: kannada<TAB>romanized[<TAB>count] (e.g. Dakshina's kn.translit.sampled.train.tsv)",
            Required = true,
        };
        var words = new Option<string[]>("--words")
        {
            Description = "Kannada text files whose words (with frequencies) feed the language model and word list",
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string>("--output", "-o") { Description = "Model file to write (atomically)", Required = true };
        var command = new Command("train-romanized", "Train the romanized-input model from word pairs and Kannada text")
        {
            pairs, words, output,
        };
        command.SetAction(parse => context.Run(() =>
        {
            string pairsPath = InputFile.Open(parse.GetValue(pairs)!).FullPath!;
            var wordFiles = (parse.GetValue(words) ?? []).Select(w => InputFile.Open(w).FullPath!).ToList();
            OutputGuard.RefuseInputs("-o", parse.GetValue(output), [(parse.GetValue(pairs)!, pairsPath), .. wordFiles.Select(w => (w, w))]);
            var sw = Stopwatch.StartNew();
            List<(string, string, int)> pairList;
            try
            {
                pairList = RomanizedTrainingData.ReadPairs(pairsPath);
            }
            catch (FormatException e)
            {
                throw new CliException(e.Message);
            }
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (string file in wordFiles)
            {
                foreach (var (w, c) in RomanizedTrainingData.CountWords(file))
                    counts[w] = counts.GetValueOrDefault(w) + c;
            }
            var model = RomanizedModel.Train(pairList, counts.Select(kv => (kv.Key, kv.Value)));
            string outPath = parse.GetValue(output)!;
            using (var atomic = AtomicOutput.Create(outPath, outPath))
            {
                model.Save(atomic.Stream);
                atomic.Commit();
            }
            context.Error.WriteLine($"kannadakit: trained on {pairList.Count:N0} pairs and {counts.Count:N0} words in {sw.Elapsed.TotalSeconds:F1} s; " +
                                    $"wrote {outPath} ({new FileInfo(outPath).Length / 1e6:F1} MB)");
            return ExitCodes.Success;
        }));
        return command;
    }
}
