using System.Text.Json;
using KannadaKit.Onnx;
using KannadaKit.Testing;
using KannadaKit.Testing.Onnx;

namespace KannadaKit.Cli.Tests.Commands;

/// <summary><c>kannadakit onnx info</c> and <c>kannadakit generate</c> as processes, on generated tiny models.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private static readonly string[] Words = ["<pad>", "<s>", "</s>", "ನಮಸ್ಕಾರ", "ಬೆಂಗಳೂರು", "ಕರ್ನಾಟಕ", "ರಾಜ್ಯದ", "ರಾಜಧಾನಿ"];

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>A decoder-only folder: ನಮಸ್ಕಾರ → ಬೆಂಗಳೂರು → ಕರ್ನಾಟಕ → ರಾಜ್ಯದ → ರಾಜಧಾನಿ → &lt;/s&gt;, with a word-level tokenizer.</summary>
    private string KannadaChainModel(bool chatTemplate = false)
    {
        var rows = new float[Words.Length][];
        for (var t = 0; t < Words.Length; t++)
        {
            rows[t] = TinyModels.Row(Words.Length, (t is >= 3 and < 7 ? t + 1 : 2, 1.0));
        }
        var folder = TinyModels.DecoderOnlyFolder(_cli.PathOf("chain"), TinyModels.Weights.Lookup(rows), new { eos_token_id = 2, max_new_tokens = 10 });
        TinyModels.WordLevelTokenizer(folder, Words);
        if (chatTemplate)
        {
            // The last user message only, after BOS: enough to check the template is applied.
            TinyModels.Json(Path.Combine(folder, "tokenizer_config.json"), new
            {
                bos_token = "<s>",
                chat_template = "{{ bos_token }}{% for m in messages %}{% if m['role'] == 'user' %}{{ ' ' + m['content'] | trim }}{% endif %}{% endfor %}",
            });
        }
        return folder;
    }

    [OnnxRuntimeFact]
    public void Generate_ContinuesAKannadaPromptAndStreamsTheText()
    {
        var folder = KannadaChainModel();
        var result = _cli.Run("", "generate", "--model", folder, "--prompt", "ನಮಸ್ಕಾರ ಬೆಂಗಳೂರು");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ಕರ್ನಾಟಕ ರಾಜ್ಯದ ರಾಜಧಾನಿ\n", result.Text);
        Assert.Contains("decoder-only model model.onnx on CPU", result.Stderr, StringComparison.Ordinal);

        var ids = _cli.Run("", "generate", "-m", folder, "--ids", "1,3", "--format", "ids", "--max-new-tokens", "3");
        Assert.Equal("4 5 6\n", ids.Text);
        var beams = _cli.Run("", "generate", "-m", folder, "--ids", "3", "--format", "ids", "--num-beams", "4");
        Assert.Equal("4 5 6 7 2\n", beams.Text);
    }

    [OnnxRuntimeFact]
    public void Chat_WrapsThePromptInTheTemplate()
    {
        var folder = KannadaChainModel(chatTemplate: true);
        var result = _cli.Run("", "generate", "--model", folder, "--prompt", "ರಾಜ್ಯದ", "--chat", "--system", "ignored by this template");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ರಾಜಧಾನಿ\n", result.Text);
    }

    [OnnxRuntimeFact]
    public void Generate_ReportsMistakesInOneLine()
    {
        var folder = KannadaChainModel();
        _cli.Run("", "generate", "--model", folder, "--input", "ನಮಸ್ಕಾರ").AssertOneLineError("decoder-only", "--prompt");
        _cli.Run("", "generate", "--model", folder, "--ids", "1,x").AssertOneLineError("--ids", "'x'");
        _cli.Run("", "generate", "--model", _cli.PathOf("missing")).AssertOneLineError("model folder not found");
        _cli.Run("", "generate", "--model", folder, "--prompt", "ನಮಸ್ಕಾರ", "--dtype", "fp8").AssertOneLineError("unknown dtype 'fp8'");
        _cli.Run("", "generate", "--model", folder, "--prompt", "ನಮಸ್ಕಾರ", "--chat").AssertOneLineError("no chat_template");
        var empty = _cli.PathOf("empty");
        Directory.CreateDirectory(empty);
        _cli.Run("", "generate", "--model", empty, "--prompt", "x").AssertOneLineError("no model files", "model.onnx");
        File.WriteAllText(Path.Combine(folder, "generation_config.json"), "{ \"num_beams\": \"four\" }");
        _cli.Run("", "generate", "--model", folder, "--prompt", "ನಮಸ್ಕಾರ").AssertOneLineError("generation_config.json", "\"num_beams\" must be an integer");
    }

    [OnnxRuntimeTheory]
    [InlineData("--temperature 0", "temperature must be a positive number (got 0)")]
    [InlineData("--temperature NaN", "temperature must be a positive number (got NaN)")]
    [InlineData("--top-p 0", "top_p must be greater than 0 and at most 1 (got 0)")]
    [InlineData("--top-p 2", "top_p must be greater than 0 and at most 1 (got 2)")]
    [InlineData("--top-p NaN", "top_p must be greater than 0 and at most 1 (got NaN)")]
    [InlineData("--top-k -1", "top_k must be 0 (off) or more (got -1)")]
    [InlineData("--repetition-penalty 0", "repetition_penalty must be a positive number (got 0)")]
    [InlineData("--repetition-penalty -2", "repetition_penalty must be a positive number (got -2)")]
    [InlineData("--device-id -1", "the CUDA device id must be 0 or more (got -1)")]
    [InlineData("--gpu-mem-limit -1", "the GPU memory limit must be a positive number of bytes (got -1)")]
    [InlineData("--threads 100000", "intra-op threads must be from 0 (ONNX Runtime's choice) to 1024 (got 100000)")]
    public void GenerateOutOfRangeSettings_AreOneLineErrors(string setting, string message)
    {
        // Regression: these were internal errors (a stack trace), a hang (--threads 100000) or silently accepted.
        var folder = KannadaChainModel();
        var arguments = new List<string> { "generate", "--model", folder, "--prompt", "ನಮಸ್ಕಾರ", "--do-sample", "true" };
        arguments.AddRange(setting.Split(' '));
        _cli.Run("", [.. arguments]).AssertOneLineError(message);
    }

    [OnnxRuntimeFact(CpuBuildOnly = true)]
    public void CudaOnTheCpuBuild_IsAClearErrorAndAutoFallsBack()
    {
        var folder = KannadaChainModel();
        _cli.Run("", "generate", "--model", folder, "--prompt", "ನಮಸ್ಕಾರ", "--device", "cuda").AssertOneLineError("CUDA execution provider unavailable");
        var auto = _cli.Run("", "generate", "--model", folder, "--prompt", "ನಮಸ್ಕಾರ", "--device", "auto");
        Assert.Equal(0, auto.ExitCode);
        Assert.Contains("on CPU (auto: CUDA unavailable, using CPU", auto.Stderr, StringComparison.Ordinal);
        Assert.Equal("ಬೆಂಗಳೂರು ಕರ್ನಾಟಕ ರಾಜ್ಯದ ರಾಜಧಾನಿ\n", auto.Text);
    }

    [OnnxRuntimeFact]
    public void OnnxInfo_ListsInputsOutputsOpsetAndMetadata()
    {
        var g = new OnnxGraph("info-graph");
        g.Input("input_ids", TensorElementType.Int64, "batch", "sequence");
        g.OpNamed("logits", "Cast", ["input_ids"], OnnxAttr.Int("to", 1));
        g.Output("logits", TensorElementType.Float, "batch", "sequence");
        var path = _cli.WriteBytes("info.onnx", OnnxModel.ToBytes(g, opset: 17, metadata: new Dictionary<string, string> { ["language"] = "kn" }));
        var result = _cli.Run("", "onnx", "info", path);
        Assert.Equal(0, result.ExitCode);
        var lines = result.Text.Split('\n');
        Assert.Contains("ir         8", lines);
        Assert.Contains("opset      ai.onnx 17", lines);
        Assert.Contains("  input_ids  int64 [batch, sequence]", lines);
        Assert.Contains("  logits  float32 [batch, sequence]", lines);
        Assert.Contains("  language = kn", lines);
        Assert.Contains(lines, l => l.StartsWith("providers  ", StringComparison.Ordinal) && l.Contains("CPUExecutionProvider", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("runtime    ONNX Runtime 1.31.", StringComparison.Ordinal) && l.EndsWith($"({OnnxRuntime.Package})", StringComparison.Ordinal));

        _cli.Run("", "onnx", "info", _cli.PathOf("nope.onnx")).AssertOneLineError("nope.onnx", "model file not found");
        var broken = _cli.Write("broken.onnx", "not a model at all");
        _cli.Run("", "onnx", "info", broken).AssertOneLineError("broken.onnx");
    }

    [Fact]
    public void TinyModelJson_IsValid()
    {
        // The folder writer's JSON is what config readers see; a malformed writer would make the tests above meaningless.
        var folder = TinyModels.DecoderOnlyFolder(_cli.PathOf("json-check"), TinyModels.Weights.Random(5, 1));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "config.json")));
        Assert.Equal(2, doc.RootElement.GetProperty("eos_token_id").GetInt32());
    }
}
