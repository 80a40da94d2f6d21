using System.Diagnostics;
using KannadaKit.Generation;
using KannadaKit.Onnx;
using KannadaKit.Testing;
using static KannadaKit.Testing.Onnx.TinyModels;

namespace KannadaKit.Benchmarks.Generation;

/// <summary>
/// Per-step time of the generation loop on the tiny generated models (vocabulary 512, so the model itself costs
/// little and the loop, the feeds and the cache handling show): decoder-only and encoder-decoder (merged and split),
/// greedy with the KV cache, greedy recomputing everything, and 4-beam search. Every run generates exactly
/// <see cref="NewTokens"/> tokens (no end-of-sequence id), from prompts it has not seen in this process; the figure
/// is the best of <see cref="Rounds"/> rounds, since a 2-core machine's noise is larger than the differences.
/// </summary>
internal static class GenerateThroughput
{
    private const int Vocabulary = 512;
    private const int NewTokens = 48;
    private const int Runs = 40;
    private const int Rounds = 5;

    public static int Run()
    {
        using var runtime = OnnxRuntime.Load();
        using var dir = new TempDirectory();
        var weights = Weights.Random(Vocabulary, 7);
        Console.WriteLine($"generation loop, tiny models (vocabulary {Vocabulary}), {NewTokens} new tokens per run, best of {Rounds} rounds of {Runs} runs, ONNX Runtime {runtime.Version}, {Environment.ProcessorCount} cores");
        Console.WriteLine($"  {"model",-28} {"search",-16} {"µs/step",9} {"steps/s",9}");
        var decoderOnly = DecoderOnlyFolder(Path.Combine(dir.Path, "decoder-only"), weights);
        var merged = EncoderDecoderFolder(Path.Combine(dir.Path, "merged"), weights, "merged");
        var split = EncoderDecoderFolder(Path.Combine(dir.Path, "split"), weights, "split");
        foreach (var (name, folder) in new[] { ("decoder-only", decoderOnly), ("encoder-decoder merged", merged), ("encoder-decoder split", split) })
        {
            using var model = GenerativeModel.Open(runtime, folder);
            foreach (var (search, options) in new[]
            {
                ("greedy, cache", new GenerationOptions { MaxNewTokens = NewTokens, MinNewTokens = NewTokens, EosTokenIds = [Vocabulary + 1] }),
                ("greedy, no cache", new GenerationOptions { MaxNewTokens = NewTokens, MinNewTokens = NewTokens, EosTokenIds = [Vocabulary + 1], UseCache = false }),
                ("4 beams, cache", new GenerationOptions { MaxNewTokens = NewTokens, MinNewTokens = NewTokens, EosTokenIds = [Vocabulary + 1], NumBeams = 4 }),
            })
            {
                var seed = 0;
                int[] Prompt() => [1, .. Enumerable.Range(0, 7).Select(i => 3 + ((seed * 31 + i * 17) % (Vocabulary - 3)))];
                model.Generate(Prompt(), options); // warm-up: JIT, ORT's first-run allocations
                var perStep = double.MaxValue;
                for (var round = 0; round < Rounds; round++)
                {
                    var clock = Stopwatch.StartNew();
                    for (var r = 0; r < Runs; r++)
                    {
                        seed++;
                        model.Generate(Prompt(), options);
                    }
                    perStep = Math.Min(perStep, clock.Elapsed.TotalMicroseconds / (Runs * NewTokens));
                }
                Console.WriteLine($"  {name,-28} {search,-16} {perStep,9:F1} {1e6 / perStep,9:F0}");
            }
        }
        return 0;
    }
}
