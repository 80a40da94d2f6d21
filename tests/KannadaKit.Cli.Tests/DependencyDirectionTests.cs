using System.Reflection;

namespace KannadaKit.Cli.Tests;

public class DependencyDirectionTests
{
    // Text ← Tokenizers ← Generation ← {Speech, News}; Cli/Web depend on libraries, never the reverse (CONVENTIONS.md).
    [Fact]
    public void TextLibrary_ReferencesNoOtherKannadaKitAssembly()
    {
        var text = typeof(KannadaKit.Text.Normalization.IndicNormalizer).Assembly;
        var ours = text.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("KannadaKit", StringComparison.Ordinal)).ToList();
        Assert.Empty(ours);
    }

    [Fact]
    public void Cli_ReferencesTheTextLibrary()
    {
        var cli = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, "kannadakit.dll"));
        Assert.Contains(cli.GetReferencedAssemblies(), a => a.Name == "KannadaKit.Text");
    }

    [Fact]
    public void Onnx_ReferencesNoOtherKannadakitAssembly()
    {
        var onnx = typeof(KannadaKit.Onnx.OnnxRuntime).Assembly;
        Assert.DoesNotContain(onnx.GetReferencedAssemblies(), a => a.Name!.StartsWith("KannadaKit", StringComparison.Ordinal));
    }

    [Fact]
    public void Generation_ReferencesOnlyOnnxAndTokenizers()
    {
        var generation = typeof(KannadaKit.Generation.GenerativeModel).Assembly;
        var ours = generation.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("KannadaKit", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(["KannadaKit.Onnx", "KannadaKit.Tokenizers"], ours);
    }
}
