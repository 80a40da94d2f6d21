namespace KannadaKit.Lexicon.Import;

/// <summary>Opening a source file read-only, with the one error every reader gives when it cannot.</summary>
internal static class SourceStreams
{
    public static FileStream Open(string path, int bufferSize = 4096)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LexiconImportException(path, "", $"cannot read ({e.Message.TrimEnd('.')})", e);
        }
    }
}
