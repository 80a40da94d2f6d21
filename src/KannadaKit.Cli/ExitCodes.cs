namespace KannadaKit.Cli;

/// <summary>Process exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad input data or an I/O failure.</summary>
    public const int Failure = 1;

    /// <summary>Bad command-line usage.</summary>
    public const int Usage = 2;
}
