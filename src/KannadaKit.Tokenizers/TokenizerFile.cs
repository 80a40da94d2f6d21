using KannadaKit.Tokenizers.Json;
using KannadaKit.Tokenizers.SentencePiece;

namespace KannadaKit.Tokenizers;

/// <summary>Opens a tokenizer file of any supported format: HF <c>tokenizer.json</c>, SentencePiece <c>.model</c>
/// (protobuf), tiktoken rank files (<c>.tiktoken</c>).</summary>
public static class TokenizerFile
{
    /// <summary>Loads by name and content: <c>*.tiktoken</c> is a tiktoken rank file; otherwise a file starting with '{'
    /// is tokenizer.json, anything else a SentencePiece model.</summary>
    public static Tokenizer Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new TokenizerFormatException(path, "file", Directory.Exists(path) ? "is a directory; expected a tokenizer file" : "no such file");
        }

        if (path.EndsWith(".tiktoken", StringComparison.OrdinalIgnoreCase))
        {
            return Tiktoken.TiktokenFile.Load(path);
        }

        return Load(ReadAllBytes(path), path);
    }

    /// <summary>Loads a tokenizer from the bytes of a file (embedded resources, downloads, fuzzing):
    /// <paramref name="sourceName"/> names it in errors and, ending in <c>.tiktoken</c>, picks that format; otherwise
    /// content starting with '{' is tokenizer.json, anything else a SentencePiece model.</summary>
    /// <exception cref="TokenizerFormatException">The content is not a valid tokenizer of that format.</exception>
    public static Tokenizer Load(ReadOnlySpan<byte> content, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        if (sourceName.EndsWith(".tiktoken", StringComparison.OrdinalIgnoreCase))
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            return Tiktoken.TiktokenFile.Read(stream, sourceName);
        }

        var first = content.TrimStart(" \t\r\n"u8);
        if (first.StartsWith("\uFEFF"u8))
        {
            first = first[3..].TrimStart(" \t\r\n"u8);
        }

        return first.StartsWith("{"u8)
            ? HfTokenizerReader.Read(content, sourceName)
            : SentencePieceTokenizer.FromBytes(content, sourceName);
    }

    /// <summary>Reads a tokenizer file whole; a read failure becomes a format error naming the file.</summary>
    internal static byte[] ReadAllBytes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TokenizerFormatException(path, "file", e.Message);
        }
    }
}
