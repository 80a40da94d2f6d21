namespace KannadaKit.Cli;

/// <summary>Standard streams and the error policy shared by all commands.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, bool verbose, Func<Stream> openStandardOutput)
{
    public TextWriter Out { get; } = output;

    /// <summary>Standard output as bytes, for commands that stream (normalize writes UTF-8 it never decodes).</summary>
    public Stream OpenOutputStream() => openStandardOutput();

    /// <summary>Standard output as buffered UTF-8 without a byte-order mark; LF line ends everywhere.</summary>
    public StreamWriter OpenOutput() =>
        new(openStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n", AutoFlush = false };

    public TextWriter Error { get; } = error;

    public bool Verbose { get; } = verbose;

    /// <summary>
    /// The one table of library exceptions that mean the user's input was wrong (a malformed file, an unknown
    /// transform, an out-of-range setting): they carry a message naming what and where, printed as one line.
    /// Anything else is a bug of ours.
    /// </summary>
    private static bool IsInputError(Exception e) => e is Tokenizers.TokenizerException or Generation.GenerationException
        or Generation.Chat.TemplateException or Onnx.OnnxRuntimeException or Text.Transliteration.TransliterationException
        or Speech.MediaException or Subtitles.SubtitleFormatException or Lexicon.Store.LexiconStoreException
        or Lexicon.Import.LexiconImportException or Lexicon.Review.ReviewException or News.State.NewsStateException
        or News.Subscriptions.SubscriptionException or News.Delivery.DeliveryException or InvalidDataException or System.Data.Common.DbException;

    /// <summary>Runs a command body: typed errors become one line and an exit code; stack traces only with --verbose.</summary>
    public int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CliException e)
        {
            Error.WriteLine("kannadakit: error: " + e.Message);
            if (Verbose)
            {
                Error.WriteLine(e);
            }

            return e.ExitCode;
        }
        catch (Exception e) when (IsInputError(e) || e is IOException or UnauthorizedAccessException)
        {
            Error.WriteLine("kannadakit: error: " + e.Message);
            if (Verbose)
            {
                Error.WriteLine(e);
            }

            return ExitCodes.Failure;
        }
        catch (Exception e) when (!Verbose)
        {
            // A bug of ours, not the user's input: still one line, with the way to get details.
            Error.WriteLine($"kannadakit: internal error: {e.GetType().Name}: {e.Message.Split('\n')[0]} (run with --verbose for details)");
            return ExitCodes.Failure;
        }
    }
}
