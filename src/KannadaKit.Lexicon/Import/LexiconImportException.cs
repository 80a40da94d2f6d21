namespace KannadaKit.Lexicon.Import;

/// <summary>A source file that cannot be imported; the message is one line naming the file and where it went wrong.</summary>
public sealed class LexiconImportException : Exception
{
    /// <summary>Creates the error for <paramref name="file"/>; <paramref name="where"/> is "line 12", "byte 4096"… or empty.</summary>
    public LexiconImportException(string file, string where, string problem, Exception? inner = null)
        : base(where.Length == 0 ? $"{file}: {problem}" : $"{file}: {where}: {problem}", inner)
    {
        File = file;
        Where = where;
    }

    /// <summary>The file.</summary>
    public string File { get; }

    /// <summary>Where in it, or empty.</summary>
    public string Where { get; }
}
