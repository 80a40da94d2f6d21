using System.CommandLine;
using KannadaKit.Onnx;

namespace KannadaKit.Cli.Commands;

/// <summary><c>kannadakit onnx info MODEL.onnx</c>: what a model takes and returns, and what this ONNX Runtime offers.</summary>
internal static class OnnxCommand
{
    public static OnnxRuntime LoadRuntime()
    {
        try
        {
            return OnnxRuntime.Load();
        }
        catch (OnnxRuntimeException e)
        {
            throw new CliException(e.Message);
        }
    }

    public static Command Create(CliContext context)
    {
        var model = new Argument<string>("model") { Description = "An .onnx file" };
        var info = new Command("info", "Print a model's inputs, outputs, opset and metadata, and the execution providers available")
        {
            model,
        };
        info.SetAction(parse => context.Run(() =>
        {
            var path = parse.GetValue(model)!;
            if (!File.Exists(path))
            {
                throw new CliException($"{path}: model file not found");
            }
            using var runtime = LoadRuntime();
            try
            {
                var header = OnnxModelHeader.Read(path);
                using var session = runtime.OpenSession(path);
                var o = context.Out;
                var metadata = session.Metadata;
                o.WriteLine($"model      {path}");
                o.WriteLine($"ir         {header.IrVersion}");
                o.WriteLine($"opset      {string.Join(", ", header.Opsets.Select(kv => $"{(kv.Key.Length == 0 ? "ai.onnx" : kv.Key)} {kv.Value}"))}");
                o.WriteLine($"producer   {metadata.ProducerName} {header.ProducerVersion}".TrimEnd());
                if (metadata.GraphName.Length > 0)
                {
                    o.WriteLine($"graph      {metadata.GraphName}");
                }
                if (metadata.Description.Length > 0)
                {
                    o.WriteLine($"doc        {metadata.Description.Split('\n')[0]}");
                }
                o.WriteLine("inputs");
                foreach (var i in session.Inputs)
                {
                    o.WriteLine($"  {i.Name}  {i.TypeText}");
                }
                o.WriteLine("outputs");
                foreach (var i in session.Outputs)
                {
                    o.WriteLine($"  {i.Name}  {i.TypeText}");
                }
                if (metadata.Custom.Count > 0)
                {
                    o.WriteLine("metadata");
                    foreach (var (key, value) in metadata.Custom)
                    {
                        o.WriteLine($"  {key} = {value}");
                    }
                }
                o.WriteLine($"runtime    ONNX Runtime {runtime.Version} ({OnnxRuntime.Package})");
                o.WriteLine($"providers  {string.Join(", ", runtime.AvailableProviders())}"
                    + (OnnxRuntime.IsGpuBuild ? " (CUDA needs CUDA 13 and cuDNN 9 installed)" : " (CPU build; -p:OnnxRuntime=Gpu for CUDA)"));
            }
            catch (OnnxRuntimeException e)
            {
                throw new CliException(e.Message);
            }
            return ExitCodes.Success;
        }));
        return new Command("onnx", "Inspect ONNX models") { info };
    }
}
