using KannadaKit.Testing;
using static KannadaKit.Testing.Onnx.TinyModels;

namespace KannadaKit.Generation.Tests.Models;

/// <summary>
/// On models where the KV cache, the attention mask and the positions all change the logits: the cached path gives
/// the same tokens as recomputing everything, and a batch (padded, masked) gives the same tokens as single runs.
/// </summary>
public sealed class CacheAndBatchTests
{
    private const int V = 11;

    private static readonly int[][] Prompts = [[1, 5], [1, 3, 9, 4, 7], [1], [1, 8, 8]];

    private static string Text(IEnumerable<int> tokens) => string.Join(' ', tokens);

    private static GenerationOptions Greedy => new() { MaxNewTokens = 12, EosTokenIds = [2] };

    private static GenerationOptions Beams => new() { MaxNewTokens = 8, NumBeams = 4, LengthPenalty = 1.3, NumReturnSequences = 2, EosTokenIds = [2] };

    [OnnxRuntimeFact]
    public void DecoderOnlyCache_GivesTheTokensOfFullRecomputation()
    {
        using var dir = new TempDirectory();
        using var model = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, DecoderOnlyFolder(dir.Path, Weights.Random(V, 11)));
        foreach (var options in new[] { Greedy, Beams })
        {
            foreach (var prompt in Prompts)
            {
                var cached = model.GenerateBatch([prompt], options)[0];
                var recomputed = model.GenerateBatch([prompt], options with { UseCache = false })[0];
                Assert.Equal(cached.Select(s => Text(s.Tokens)), recomputed.Select(s => Text(s.Tokens)));
                for (var i = 0; i < cached.Count; i++)
                {
                    Assert.Equal(cached[i].Score, recomputed[i].Score, 4);
                }
            }
        }
    }

    [OnnxRuntimeFact]
    public void TheRandomModel_IsSensitiveToCacheAndPositions()
    {
        // Guards the two tests above from passing vacuously: the same model with the cache sum or the positions
        // removed generates something else for at least one prompt.
        using var dir = new TempDirectory();
        var w = Weights.Random(V, 11);
        using var model = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, DecoderOnlyFolder(dir.Path, w));
        using var noMemoryDir = new TempDirectory();
        using var noMemory = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, DecoderOnlyFolder(noMemoryDir.Path, w with { W = new float[w.W.Length] }));
        using var noPositionsDir = new TempDirectory();
        using var noPositions = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, DecoderOnlyFolder(noPositionsDir.Path, w, positionIds: false));
        var expected = Prompts.Select(p => Text(model.Generate(p, Greedy).Tokens)).ToArray();
        Assert.NotEqual(expected, Prompts.Select(p => Text(noMemory.Generate(p, Greedy).Tokens)).ToArray());
        Assert.NotEqual(expected, Prompts.Select(p => Text(noPositions.Generate(p, Greedy).Tokens)).ToArray());
    }

    [OnnxRuntimeFact]
    public void DecoderOnlyBatch_EqualsSingleRuns()
    {
        using var dir = new TempDirectory();
        using var model = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, DecoderOnlyFolder(dir.Path, Weights.Random(V, 11)));
        foreach (var options in new[] { Greedy, Beams, Greedy with { DoSample = true, Seed = 3, TopK = 0 } })
        {
            if (options.DoSample == true)
            {
                // Sampling draws from one generator per call, so only a one-row batch matches a single run.
                Assert.Equal(Text(model.Generate(Prompts[1], options).Tokens), Text(model.GenerateBatch([Prompts[1]], options)[0][0].Tokens));
                continue;
            }
            var batch = model.GenerateBatch(Prompts, options);
            for (var i = 0; i < Prompts.Length; i++)
            {
                var single = model.GenerateBatch([Prompts[i]], options)[0];
                Assert.Equal(single.Select(s => Text(s.Tokens)), batch[i].Select(s => Text(s.Tokens)));
                Assert.Equal(single[0].Score, batch[i][0].Score, 4);
            }
        }
    }

    [OnnxRuntimeTheory]
    [InlineData("merged")]
    [InlineData("split")]
    public void EncoderDecoderCache_GivesTheTokensOfFullRecomputation(string layout)
    {
        using var dir = new TempDirectory();
        using var model = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, EncoderDecoderFolder(dir.Path, Weights.Random(V, 21), layout));
        Assert.Equal(ModelKind.EncoderDecoder, model.Kind);
        foreach (var options in new[] { Greedy, Beams })
        {
            foreach (var source in Prompts)
            {
                var cached = model.GenerateBatch([source], options)[0];
                var recomputed = model.GenerateBatch([source], options with { UseCache = false })[0];
                Assert.Equal(cached.Select(s => Text(s.Tokens)), recomputed.Select(s => Text(s.Tokens)));
            }
        }
    }

    [OnnxRuntimeFact]
    public void EncoderDecoderLayouts_AgreeWithEachOther()
    {
        var w = Weights.Random(V, 21);
        using var merged = new TempDirectory();
        using var split = new TempDirectory();
        using var plain = new TempDirectory();
        using var a = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, EncoderDecoderFolder(merged.Path, w, "merged"));
        using var b = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, EncoderDecoderFolder(split.Path, w, "split"));
        using var c = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, EncoderDecoderFolder(plain.Path, w, "plain"));
        Assert.Equal("encoder_model.onnx + decoder_model_merged.onnx", a.Layout);
        Assert.Equal("encoder_model.onnx + decoder_model.onnx + decoder_with_past_model.onnx", b.Layout);
        Assert.Equal("encoder_model.onnx + decoder_model.onnx (no cache)", c.Layout);
        var expected = Prompts.Select(p => Text(a.Generate(p, Greedy).Tokens)).ToArray();
        Assert.Equal(expected, Prompts.Select(p => Text(b.Generate(p, Greedy).Tokens)).ToArray());
        Assert.Equal(expected, Prompts.Select(p => Text(c.Generate(p, Greedy).Tokens)).ToArray());
        // The source matters: different sources give different outputs.
        Assert.True(expected.Distinct().Count() > 1);
    }

    [OnnxRuntimeFact]
    public void EncoderDecoderBatchWithPaddedSources_EqualsSingleRuns()
    {
        using var dir = new TempDirectory();
        using var model = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, EncoderDecoderFolder(dir.Path, Weights.Random(V, 21)));
        foreach (var options in new[] { Greedy, Beams })
        {
            var batch = model.GenerateBatch(Prompts, options);
            for (var i = 0; i < Prompts.Length; i++)
            {
                Assert.Equal(model.GenerateBatch([Prompts[i]], options)[0].Select(s => Text(s.Tokens)), batch[i].Select(s => Text(s.Tokens)));
            }
        }
    }

    [OnnxRuntimeFact]
    public void Fp16_weights_load_by_dtype_and_give_the_fp32_tokens()
    {
        using var dir = new TempDirectory();
        DecoderOnlyFolder(dir.Path, Weights.Random(V, 11), fp16Variant: true);
        using var fp32 = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, dir.Path);
        using var fp16 = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, dir.Path, new GenerativeModelOptions { Dtype = "fp16" });
        Assert.Equal("model.onnx", fp32.Layout);
        Assert.Equal("model_fp16.onnx", fp16.Layout);
        // The fp16 model rounds its cache and logits to half precision; its choices match where the margins allow,
        // which they do for these prompts (checked by the test, not assumed).
        foreach (var prompt in Prompts)
        {
            Assert.Equal(Text(fp32.Generate(prompt, Greedy).Tokens), Text(fp16.Generate(prompt, Greedy).Tokens));
        }
    }
}
