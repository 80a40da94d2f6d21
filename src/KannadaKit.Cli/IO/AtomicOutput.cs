using System.IO.Compression;

namespace KannadaKit.Cli.IO;

/// <summary>
/// An output file written to a temporary file in the target folder and renamed over the target only on success,
/// so a failed run never leaves a partial or clobbered file behind. Paths ending in .gz are gzip-compressed.
/// </summary>
internal sealed class AtomicOutput : IDisposable
{
    private readonly string _target;
    private readonly string _temp;
    private readonly FileStream _file;
    private bool _committed;

    private AtomicOutput(string target, string temp, FileStream file, Stream stream)
    {
        _target = target;
        _temp = temp;
        _file = file;
        Stream = stream;
    }

    public Stream Stream { get; }

    public static AtomicOutput Create(string path, string displayName)
    {
        string target = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(target)!;
        if (Directory.Exists(target))
        {
            throw new CliException($"{displayName}: is a directory; expected an output file path");
        }

        if (!Directory.Exists(dir))
        {
            throw new CliException($"{displayName}: cannot write: folder {dir} does not exist");
        }

        TempFiles.RemoveStale(target);
        string temp = TempFiles.NameFor(target);
        FileStream file;
        try
        {
            file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            TempFiles.Track(temp);
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliException($"{displayName}: cannot write: permission denied in {dir}");
        }
        catch (IOException e)
        {
            throw new CliException($"{displayName}: cannot write: {e.Message}", e);
        }

        Stream stream = target.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true)
            : file;
        return new AtomicOutput(target, temp, file, stream);
    }

    /// <summary>Flushes, keeps the permissions of the file it replaces, and renames over the target. On any failure
    /// (a full disk found by the last flush) the temp file goes and the target is untouched.</summary>
    public void Commit()
    {
        try
        {
            if (!ReferenceEquals(Stream, _file))
            {
                Stream.Dispose();
            }

            _file.Flush(flushToDisk: false);
            _file.Dispose();
            if (!OperatingSystem.IsWindows() && File.Exists(_target))
            {
                File.SetUnixFileMode(_temp, File.GetUnixFileMode(_target));
            }

            File.Move(_temp, _target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Discard();
            throw new CliException($"{_target}: cannot write: {e.Message}", e);
        }

        _committed = true;
        TempFiles.Forget(_temp);
    }

    public void Dispose()
    {
        if (!_committed)
        {
            Discard();
        }
    }

    /// <summary>Closes and deletes the temp file; a close that fails (a full disk) must not keep it from going
    /// (regression: Dispose rethrew before deleting, leaving the temp).</summary>
    private void Discard()
    {
        try
        {
            Stream.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
        }
        try
        {
            _file.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        try
        {
            File.Delete(_temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temp name is unique and hidden; never touch the target.
        }
        TempFiles.Forget(_temp);
    }
}
