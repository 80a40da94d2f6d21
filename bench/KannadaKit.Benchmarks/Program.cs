using BenchmarkDotNet.Running;
using KannadaKit.Benchmarks;
using KannadaKit.Benchmarks.Fuzzing;
using KannadaKit.Benchmarks.Generation;
using KannadaKit.Benchmarks.Lexicon;
using KannadaKit.Benchmarks.Speech;
using KannadaKit.Benchmarks.Text;
using KannadaKit.Benchmarks.Tokenizers;

// Quick mode (default): throughput runners that print headline figures in under a minute.
// "bdn ..." hands the rest of the arguments to BenchmarkDotNet for the full statistical runs.
if (args.Length > 0 && args[0] == "bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
    return 0;
}

string what = args.Length > 0 ? args[0] : "normalize";
return what switch
{
    "normalize" => NormalizeThroughput.Run(args.Length > 1 ? args[1..] : []),
    "segment" => SegmentThroughput.Run(),
    "sentences" => SentenceEvaluation.Run(args.Contains("--errors")),
    "romanized" => RomanizedEvaluation.Run(),
    "tokenizers" => TokenizerThroughput.Run(args.Length > 1 ? args[1..] : []),
    "fertility" => FertilityEvaluation.Run(),
    "generate" => GenerateThroughput.Run(),
    "fuzz" => ParserFuzz.Run(args.Length > 1 ? args[1..] : []),
    "subtitle" => SubtitleBenchmark.Run(args.Length > 1 ? args[1..] : []),
    "subtitle-long" => SubtitleBenchmark.RunLong(args[1..]),
    "lexicon" => LexiconSearchBenchmark.Run(args.Length > 1 ? args[1..] : []),
    "news" => KannadaKit.Benchmarks.News.NewsPipelineBenchmark.Run(args.Length > 1 ? args[1..] : []),
    "cluster" => KannadaKit.Benchmarks.Cluster.ClusterBenchmark.Run(args.Length > 1 ? args[1..] : []),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench [normalize [--cli PATH] | segment | sentences [--errors] | romanized | tokenizers [--quick] | fertility | generate | fuzz [--count N] | subtitle [--hours H] | lexicon [ENTRIES] | news [ARTICLES] | cluster [MB]] | bdn [BenchmarkDotNet args]");
    return 2;
}
