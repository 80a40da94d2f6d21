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

        int first;
        using (var stream = File.OpenRead(path))
        {
            do
            {
                first = stream.ReadByte();
            }
            while (first is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF);
        }

        return first == '{' ? HfTokenizer.FromFile(path) : SentencePieceTokenizer.FromFile(path);
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
