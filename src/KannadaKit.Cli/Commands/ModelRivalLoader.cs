using KannadaKit.Generation;
using KannadaKit.Lexicon.Suggestions;
using KannadaKit.Onnx;

namespace KannadaKit.Cli.Commands;

/// <summary>Opens <c>--model DIR</c> for the lexicon's model rival; owns the runtime and the model until disposed.</summary>
internal sealed class ModelRivalLoader : IDisposable
{
    private readonly OnnxRuntime _runtime;
    private readonly GenerativeModel _model;

    private ModelRivalLoader(OnnxRuntime runtime, GenerativeModel model, ModelRival rival)
    {
        _runtime = runtime;
        _model = model;
        Rival = rival;
    }

    public ModelRival Rival { get; }

    /// <summary>Null when no folder was given.</summary>
    public static ModelRivalLoader? Load(string? folder, CliContext context)
    {
        if (folder is null)
            return null;
        var runtime = OnnxCommand.LoadRuntime();
        GenerativeModel? model = null;
        try
        {
            model = GenerativeModel.Open(runtime, folder);
            var rival = new ModelRival(model);
            context.Error.WriteLine($"kannadakit: model rival {rival.Name}: {(model.Kind == ModelKind.DecoderOnly ? "decoder-only" : "encoder-decoder")} {model.Layout} on {model.Provider}");
            return new ModelRivalLoader(runtime, model, rival);
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
