using KannadaKit.Generation.Models;
using KannadaKit.Testing;
using static KannadaKit.Testing.Onnx.TinyModels;

namespace KannadaKit.Generation.Tests.Models;

/// <summary>
/// The IO-binding step path (the one that keeps the KV cache in CUDA memory on a GPU) run with every output bound to
/// host memory, so it runs here: the same tokens and scores as plain runs, for every layout, greedy and beam search.
/// </summary>
public sealed class IoBindingStepTests
{
    private const int V = 11;

    private static readonly int[][] Prompts = [[1, 5], [1, 3, 9, 4, 7], [1], [1, 8, 8]];

    public static TheoryData<string> Layouts => new() { "decoder-only", "merged", "split" };

    [OnnxRuntimeTheory]
    [MemberData(nameof(Layouts))]
    public void Generate_WithIoBinding_GivesTheTokensOfPlainRuns(string layout)
    {
        using var dir = new TempDirectory();
        var w = Weights.Random(V, 11);
        var folder = layout == "decoder-only" ? DecoderOnlyFolder(dir.Path, w) : EncoderDecoderFolder(dir.Path, w, layout);
        using var plain = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, folder);
        using var bound = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, folder, new GenerativeModelOptions { CacheBinding = CacheBinding.Host });
        foreach (var options in new[]
        {
            new GenerationOptions { MaxNewTokens = 12, EosTokenIds = [2] },
            new GenerationOptions { MaxNewTokens = 8, NumBeams = 4, NumReturnSequences = 2, EosTokenIds = [2] },
        })
        {
            var expected = plain.GenerateBatch(Prompts, options);
            var actual = bound.GenerateBatch(Prompts, options);
            for (var p = 0; p < Prompts.Length; p++)
            {
                Assert.Equal(expected[p].Select(s => string.Join(' ', s.Tokens)), actual[p].Select(s => string.Join(' ', s.Tokens)));
                for (var i = 0; i < expected[p].Count; i++)
                {
                    Assert.Equal(expected[p][i].Score, actual[p][i].Score, 5);
                }
            }
        }
    }
}
