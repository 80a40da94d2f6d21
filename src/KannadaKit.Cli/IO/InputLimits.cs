namespace KannadaKit.Cli.IO;

/// <summary>Bounds on what one input line may hold, so a file without line breaks is an error, not an
/// out-of-memory crash (regressions: a line over 1 GiB was an internal error; a 200 MB line took 14 GB to encode).</summary>
internal static class InputLimits
{
    /// <summary>The longest line the line-oriented commands accept, in bytes.</summary>
    public const int MaxLineBytes = 64 << 20;

    public static CliException LineTooLong(InputFile input, long line, long byteOffset) =>
        new($"{input.DisplayName}: line {line} (from byte offset {byteOffset}) is longer than {MaxLineBytes >> 20} MiB; expected lines of text (split the input into shorter lines)");
}
