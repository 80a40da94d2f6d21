namespace KannadaKit.Cli.IO;

/// <summary>Refuses an output path that names one of the command's inputs (symbolic links resolved), before
/// anything is read or written: writing it would destroy the input.</summary>
internal static class OutputGuard
{
    /// <exception cref="CliException">When <paramref name="output"/> is one of <paramref name="inputs"/>.</exception>
    public static void RefuseInputs(string option, string? output, IEnumerable<(string Name, string Path)> inputs)
    {
        if (output is null)
        {
            return;
        }
        foreach (var (name, path) in inputs)
        {
            if (InputFile.SamePath(path, output))
            {
                throw new CliException($"{output}: {option} names an input ({name}); refusing to overwrite it", ExitCodes.Usage);
            }
        }
    }
}
