using System.IO.Compression;

namespace KannadaKit.Cli.IO;

/// <summary>One input: a file (gzip detected by its magic bytes) or standard input, named as the user wrote it.</summary>
internal sealed class InputFile
{
    public const string StdinName = "-";

    // The stream opened to check the file is readable, handed to the first OpenRead: a named pipe can be opened only
    // once per writer, so opening it a second time hung every command (regression).
    private Stream? _opened;

    private InputFile(string name, string? fullPath, Stream? opened = null)
    {
        Name = name;
        FullPath = fullPath;
        _opened = opened;
    }

    /// <summary>The name used in messages ("-" shows as "&lt;stdin&gt;").</summary>
    public string Name { get; }

    public string DisplayName => FullPath is null ? "<stdin>" : Name;

    /// <summary>Resolved path of a file input; null for standard input.</summary>
    public string? FullPath { get; }

    /// <summary>Size on disk, or null for standard input.</summary>
    public long? Length => FullPath is null ? null : new FileInfo(FullPath).Length;

    public static InputFile Stdin() => new(StdinName, null);

    /// <summary>Checks that a file exists and is readable; throws a one-line error otherwise.</summary>
    public static InputFile Open(string name)
    {
        if (name == StdinName)
        {
            return Stdin();
        }

        string full = Path.GetFullPath(name);
        if (Directory.Exists(full))
        {
            throw new CliException($"{name}: is a directory; expected a text file");
        }

        if (!File.Exists(full))
        {
            throw new CliException($"{name}: no such file");
        }

        try
        {
            var opened = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            if (new FileInfo(full).Length > 0)
            {
                // A regular file can be opened again; closing now keeps a run over thousands of files within the
                // descriptor limit. Pipes and devices report no length and keep their one opening.
                opened.Dispose();
                opened = null;
            }
            return new InputFile(name, full, opened);
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliException($"{name}: permission denied");
        }
    }

    /// <summary>True when both name the same file (symbolic links resolved).</summary>
    public static bool SamePath(string a, string b) => string.Equals(Resolve(a), Resolve(b), StringComparison.Ordinal);

    /// <summary>Opens the decompressed byte stream; <paramref name="raw"/> reports compressed progress.</summary>
    public Stream OpenRead(out Stream raw)
    {
        raw = FullPath is null
            ? Console.OpenStandardInput()
            : Interlocked.Exchange(ref _opened, null)
              ?? new FileStream(FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var peek = new PrefixStream(raw, 2);
        return peek.Prefix is [0x1F, 0x8B] ? new GZipStream(peek, CompressionMode.Decompress) : peek;
    }

    private static string Resolve(string path)
    {
        string full = Path.GetFullPath(path);
        try
        {
            var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true);
            return target is null ? full : Path.GetFullPath(target.FullName);
        }
        catch (IOException)
        {
            return full;
        }
    }
}
