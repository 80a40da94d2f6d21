using KannadaKit.Generation;
using KannadaKit.News.Summaries;
using KannadaKit.Onnx;

namespace KannadaKit.Cli.Commands;

/// <summary>Opens <c>--model DIR</c> as a story summarizer; owns the runtime and the model until disposed.</summary>
internal sealed class NewsModelLoader : IDisposable
{
    private readonly OnnxRuntime _runtime;
    private readonly GenerativeModel _model;

    private NewsModelLoader(OnnxRuntime runtime, GenerativeModel model, ModelStorySummarizer summarizer)
    {
        _runtime = runtime;
        _model = model;
        Summarizer = summarizer;
    }

    public ModelStorySummarizer Summarizer { get; }

    /// <summary>The model's kind, layout and device, for one line on standard error.</summary>
    public string Description => $"{(_model.Kind == ModelKind.DecoderOnly ? "decoder-only" : "encoder-decoder")} {_model.Layout} on {_model.Provider}";

    /// <summary>Null when no folder was given. <paramref name="device"/> is cpu, cuda or auto.</summary>
    public static NewsModelLoader? Load(string? folder, string device)
    {
        if (folder is null)
            return null;
        var provider = device switch
        {
            "cpu" => ExecutionProvider.Cpu,
            "cuda" => ExecutionProvider.Cuda,
            "auto" => ExecutionProvider.Auto,
            _ => throw new CliException($"--device: '{device}'; expected cpu, cuda or auto", ExitCodes.Usage),
        };
        var runtime = OnnxCommand.LoadRuntime();
        GenerativeModel? model = null;
        try
        {
            model = GenerativeModel.Open(runtime, folder, new GenerativeModelOptions { Session = new SessionOptions { Provider = provider } });
            return new NewsModelLoader(runtime, model, new ModelStorySummarizer(model));
        }
        catch (ArgumentException e)
        {
            model?.Dispose();
            runtime.Dispose();
            throw new CliException("--model: " + e.Message.Split(" (Parameter", 2)[0]);
        }
        catch
        {
            model?.Dispose();
            runtime.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _model.Dispose();
        _runtime.Dispose();
    }
}
