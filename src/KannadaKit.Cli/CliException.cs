namespace KannadaKit.Cli;

/// <summary>A user's mistake or bad input: printed as one line, never as a stack trace.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.Failure)
        : base(message) => ExitCode = exitCode;

    public CliException(string message, Exception inner, int exitCode = ExitCodes.Failure)
        : base(message, inner) => ExitCode = exitCode;

    public int ExitCode { get; }
}
