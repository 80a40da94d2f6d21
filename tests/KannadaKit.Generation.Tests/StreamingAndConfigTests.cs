using KannadaKit.Testing;
using static KannadaKit.Testing.Onnx.TinyModels;

namespace KannadaKit.Generation.Tests;

public sealed class StreamingAndConfigTests
{
    [OnnxRuntimeFact]
    public async Task Streaming_yields_the_tokens_generate_returns()
    {
        using var dir = new TempDirectory();
        using var model = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, DecoderOnlyFolder(dir.Path, Weights.Random(11, 5)));
        foreach (var options in new[] { new GenerationOptions { MaxNewTokens = 9 }, new GenerationOptions { MaxNewTokens = 6, NumBeams = 3 } })
        {
            var expected = model.Generate([1, 4, 6], options).Tokens;
            var streamed = new List<int>();
            await foreach (var token in model.StreamAsync([1, 4, 6], options))
            {
                Assert.Equal(0, token.Row);
                Assert.Null(token.Text); // no tokenizer.json in this folder
                streamed.Add(token.TokenId);
            }
            Assert.Equal(expected, streamed);
        }
    }

    [OnnxRuntimeFact]
    public async Task Streaming_stops_when_cancelled()
    {
        using var dir = new TempDirectory();
        using var model = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, DecoderOnlyFolder(dir.Path, Weights.Random(11, 5)));
        using var cts = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in model.StreamAsync([1], new GenerationOptions { MaxNewTokens = 1000, EosTokenIds = [] }, cts.Token))
            {
                if (++seen == 3)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.True(seen < 1000);
    }

    [Fact]
    public void ConfigFiles_GiveDefaultsAndNameBadValues()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("config.json"), """{ "model_type": "llama", "num_attention_heads": 8, "num_key_value_heads": 2, "hidden_size": 512, "max_position_embeddings": 4096, "eos_token_id": [2, 32000], "bos_token_id": 1 }""");
        File.WriteAllText(dir.File("generation_config.json"), """{ "max_new_tokens": 64, "do_sample": true, "top_p": 0.9, "early_stopping": "never", "forced_decoder_ids": [[1, 50259], [2, 50359]], "bad_words_ids": [[7], [8, 9]] }""");
        var config = ModelConfig.Load(dir.Path);
        Assert.Equal("llama", config.ModelType);
        Assert.Equal(2, config.KeyValueHeads);
        Assert.Equal(64, config.HeadDim);
        Assert.Equal(4096, config.MaxPositions);
        Assert.Equal(new[] { 2, 32000 }, config.Defaults.EosTokenIds);
        Assert.Equal(64, config.Defaults.MaxNewTokens);
        Assert.Equal(EarlyStopping.Never, config.Defaults.EarlyStopping);
        Assert.Equal(new KeyValuePair<int, int>(2, 50359), config.Defaults.ForcedDecoderIds![1]);
        Assert.Equal(new[] { 8, 9 }, config.Defaults.BadWordsIds![1]);

        File.WriteAllText(dir.File("generation_config.json"), """{ "top_k": 0.5 }""");
        var e = Assert.Throws<GenerationException>(() => ModelConfig.Load(dir.Path));
        Assert.Equal($"{dir.File("generation_config.json")}: \"top_k\" must be an integer", e.Message);
        File.WriteAllText(dir.File("config.json"), "{ \"model_type\": ");
        e = Assert.Throws<GenerationException>(() => ModelConfig.Load(dir.Path));
        Assert.StartsWith($"{dir.File("config.json")}: invalid JSON at line 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplicitOptions_OverrideDefaultsAndMaxLengthDisplacesADefaultMaxNewTokens()
    {
        var defaults = new GenerationOptions { MaxNewTokens = 50, NumBeams = 4, Temperature = 0.7 };
        var merged = new GenerationOptions { NumBeams = 1, MaxLength = 30 }.Over(defaults);
        Assert.Equal(1, merged.NumBeams);
        Assert.Equal(0.7, merged.Temperature);
        Assert.Null(merged.MaxNewTokens);
        Assert.Equal(30, merged.MaxLength);
    }
}
