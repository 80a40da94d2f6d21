using System.IO.Compression;

namespace KannadaKit.Cli.IO;

/// <summary>
/// An output file written to a temporary file in the target folder and renamed over the target only on success,
/// so a failed run never leaves a partial or clobbered file behind. Paths ending in .gz are gzip-compressed.
/// </summary>
internal sealed class AtomicOutput : IDisposable
{
    private readonly string _target;
    private readonly string? _temp;
    private readonly FileStream _file;
    private readonly UnixFileStatus? _replaced;
    private readonly bool _keepOwner;
    private bool _committed;

    private AtomicOutput(string target, string? temp, FileStream file, UnixFileStatus? replaced, bool keepOwner)
    {
        _target = target;
        _temp = temp;
        _file = file;
        _replaced = replaced;
        _keepOwner = keepOwner;
        Stream = target.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true)
            : file;
    }

    public Stream Stream { get; }

    /// <summary>An output at <paramref name="path"/>: a device or named pipe is written directly (renaming over it
    /// would turn /dev/null into a file), a symbolic link is written through (the file it names is replaced, the
    /// link stays), and a regular file is replaced by a renamed temp.</summary>
    public static AtomicOutput Create(string path, string displayName) => Open(path, displayName, inPlace: false);

    /// <summary>Replaces an input with its processed text, keeping what a rename would lose: the file's owner and
    /// mode, symbolic links to it (written through) and hard links (refused, because the other names would keep the
    /// old text).</summary>
    public static AtomicOutput CreateInPlace(string path, string displayName) => Open(path, displayName, inPlace: true);

    /// <summary>Refuses, before anything is written, an input that --in-place could not rewrite faithfully.</summary>
    public static void CheckInPlace(string path, string displayName)
    {
        string target = Path.GetFullPath(path);
        var status = UnixFileStatus.Of(target);
        RefuseInPlace(displayName, status, IsSpecial(target, status));
    }

    private static bool IsSpecial(string target, UnixFileStatus? status) =>
        status is { Kind: not UnixFileKind.Regular }
        || target.StartsWith("/dev/", StringComparison.Ordinal)
        || target.StartsWith("/proc/", StringComparison.Ordinal);

    private static AtomicOutput Open(string path, string displayName, bool inPlace)
    {
        string target = Path.GetFullPath(path);
        if (Directory.Exists(target))
        {
            throw new CliException($"{displayName}: is a directory; expected an output file path");
        }

        var status = UnixFileStatus.Of(target);
        bool special = IsSpecial(target, status);
        if (inPlace)
        {
            RefuseInPlace(displayName, status, special);
        }

        if (special)
        {
            return new AtomicOutput(target, null, OpenDirect(target, displayName), status, keepOwner: false);
        }

        target = ThroughLinks(target, displayName);
        string dir = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(dir))
        {
            throw new CliException($"{displayName}: cannot write: folder {dir} does not exist");
        }

        TempFiles.RemoveStale(target);
        string temp = TempFiles.NameFor(target);
        FileStream file;
        // Tracked before it exists, so a signal at any moment finds it (deleting a file not yet made is harmless).
        TempFiles.Track(temp);
        try
        {
            file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        }
        catch (UnauthorizedAccessException)
        {
            TempFiles.Forget(temp);
            throw new CliException($"{displayName}: cannot write: permission denied in {dir}");
        }
        catch (IOException e)
        {
            TempFiles.Forget(temp);
            throw new CliException($"{displayName}: cannot write: {e.Message}", e);
        }

        return new AtomicOutput(target, temp, file, status, keepOwner: inPlace);
    }

    private static void RefuseInPlace(string displayName, UnixFileStatus? status, bool special)
    {
        if (special)
        {
            throw new CliException($"{displayName}: is not a regular file; --in-place rewrites regular files only (use -o)", ExitCodes.Usage);
        }

        if (status is { Links: > 1 } s)
        {
            throw new CliException($"{displayName}: has {s.Links} hard links; --in-place would leave the other names with the old text; refusing (use -o)", ExitCodes.Usage);
        }

        uint me = UnixFileStatus.EffectiveUserId;
        if (status is { } owned && me != 0 && me != uint.MaxValue && owned.Uid != me)
        {
            throw new CliException($"{displayName}: is owned by user {owned.Uid}; --in-place would make it yours; refusing (use -o)", ExitCodes.Usage);
        }
    }

    private static FileStream OpenDirect(string target, string displayName)
    {
        try
        {
            // No truncation and no temp: a device or pipe takes the bytes as they come.
            return new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{displayName}: cannot write: {e.Message}", e);
        }
    }

    /// <summary>The file a chain of symbolic links ends at (which may not exist yet).</summary>
    private static string ThroughLinks(string target, string displayName)
    {
        if (new FileInfo(target).LinkTarget is null)
        {
            return target;
        }

        try
        {
            return new FileInfo(target).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? target;
        }
        catch (IOException e)
        {
            // A link loop (ELOOP).
            throw new CliException($"{displayName}: cannot write through its symbolic link: {e.Message}", e);
        }
    }

    /// <summary>Flushes, keeps the permissions (and for --in-place the owner) of the file it replaces, and renames
    /// over the target. On any failure (a full disk found by the last flush) the temp file goes and the target is
    /// untouched.</summary>
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
            if (_temp is not null)
            {
                ReplaceTarget(_temp);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Discard();
            throw new CliException($"{_target}: cannot write: {e.Message}", e);
        }

        _committed = true;
        if (_temp is not null)
        {
            TempFiles.Forget(_temp);
        }
    }

    private void ReplaceTarget(string temp)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(_target))
        {
            File.SetUnixFileMode(temp, File.GetUnixFileMode(_target));
        }

        if (_replaced is { } old && (old.Uid != UnixFileStatus.EffectiveUserId || _keepOwner)
            && !UnixFileStatus.TryChown(temp, old.Uid, old.Gid) && _keepOwner)
        {
            throw new IOException($"cannot keep its owner {old.Uid}:{old.Gid}; the file was left as it was");
        }

        File.Move(temp, _target, overwrite: true);
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
        if (_temp is null)
        {
            return;
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
