using System.IO.Compression;

namespace KannadaKit.Testing;

/// <summary>
/// The real o200k_base rank file, from the copy Microsoft.ML.Tokenizers.Data.O200kBase ships: the package stores its
/// own compact form (deflated; "Capacity: N", then one base64 token per line, ranked by line), written out here in the
/// standard tiktoken form, "BASE64 RANK", that OpenAI publishes.
/// </summary>
public static class O200kRankFile
{
    /// <summary>Writes <c>o200k_base.tiktoken</c> into <paramref name="folder"/> and returns its path.</summary>
    public static string WriteTo(string folder)
    {
        var data = System.Reflection.Assembly.Load("Microsoft.ML.Tokenizers.Data.O200kBase");
        using var deflated = data.GetManifestResourceStream("o200k_base.tiktoken.deflate")
            ?? throw new InvalidOperationException("Microsoft.ML.Tokenizers.Data.O200kBase has no o200k_base.tiktoken.deflate");
        using var inflated = new StreamReader(new DeflateStream(deflated, CompressionMode.Decompress));
        var header = inflated.ReadLine();
        if (header is null || !header.StartsWith("Capacity: ", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"unexpected first line in the package's o200k_base: {header}");
        }
        var path = Path.Combine(folder, "o200k_base.tiktoken");
        using var file = new StreamWriter(path);
        var rank = 0;
        for (var line = inflated.ReadLine(); line is not null; line = inflated.ReadLine())
        {
            file.Write($"{line} {rank++}\n");
        }
        return path;
    }
}
