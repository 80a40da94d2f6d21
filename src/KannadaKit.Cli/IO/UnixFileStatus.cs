using System.Runtime.InteropServices;

namespace KannadaKit.Cli.IO;

/// <summary>
/// What stat(2) says about a path: its type, link count and owner. .NET reports devices and named pipes as
/// ordinary files and has no link count or owner, and an output must know all three before it replaces a target
/// (renaming a temp over /dev/null turns the device into a file; over a hard-linked file it splits the links).
/// </summary>
internal readonly record struct UnixFileStatus(UnixFileKind Kind, long Links, uint Uid, uint Gid)
{
    private const int BufferSize = 256;

    /// <summary>Follows symbolic links (stat); null when the path does not exist or stat is not available here.</summary>
    public static UnixFileStatus? Of(string path) => Query(path, followLinks: true);

    /// <summary>The link itself (lstat).</summary>
    public static UnixFileStatus? OfLink(string path) => Query(path, followLinks: false);

    public static uint EffectiveUserId => Layout.Known ? geteuid() : uint.MaxValue;

    /// <summary>chown(2); false when the caller may not give the file that owner.</summary>
    public static bool TryChown(string path, uint uid, uint gid) => Layout.Known && chown(CPath(path), uid, gid) == 0;

    private static UnixFileStatus? Query(string path, bool followLinks)
    {
        if (!Layout.Known)
        {
            return null;
        }

        var buffer = new byte[BufferSize];
        if ((followLinks ? stat(CPath(path), buffer) : lstat(CPath(path), buffer)) != 0)
        {
            return null;
        }

        uint mode = BitConverter.ToUInt32(buffer, Layout.Mode);
        long links = Layout.LinksAreLong ? BitConverter.ToInt64(buffer, Layout.Links) : BitConverter.ToUInt32(buffer, Layout.Links);
        return new UnixFileStatus(KindOf(mode), links, BitConverter.ToUInt32(buffer, Layout.Uid), BitConverter.ToUInt32(buffer, Layout.Gid));
    }

    /// <summary>A NUL-terminated UTF-8 path, as the C calls take it.</summary>
    private static byte[] CPath(string path)
    {
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(path) + 1];
        System.Text.Encoding.UTF8.GetBytes(path, bytes);
        return bytes;
    }

    private static UnixFileKind KindOf(uint mode) => (mode & 0xF000) switch
    {
        0x8000 => UnixFileKind.Regular,
        0x4000 => UnixFileKind.Directory,
        0xA000 => UnixFileKind.SymbolicLink,
        0x2000 => UnixFileKind.CharacterDevice,
        0x6000 => UnixFileKind.BlockDevice,
        0x1000 => UnixFileKind.NamedPipe,
        0xC000 => UnixFileKind.Socket,
        _ => UnixFileKind.Other,
    };

    // glibc 2.33+ exports stat and lstat as functions (older ones only had __xstat).
    [DllImport("libc", SetLastError = true)]
    private static extern int stat(byte[] path, byte[] buf);

    [DllImport("libc", SetLastError = true)]
    private static extern int lstat(byte[] path, byte[] buf);

    [DllImport("libc", SetLastError = true)]
    private static extern int chown(byte[] path, uint owner, uint group);

    [DllImport("libc")]
    private static extern uint geteuid();

    /// <summary>Offsets in struct stat on the two Linux ABIs we ship for; anywhere else the status is unknown.</summary>
    private static class Layout
    {
        public static readonly bool Known = OperatingSystem.IsLinux() && Probe();

        // x86_64: dev 8, ino 8, nlink 8, mode 4, uid 4, gid 4. arm64 (the generic ABI): dev 8, ino 8, mode 4, nlink 4, uid 4, gid 4.
        public static readonly bool LinksAreLong = RuntimeInformation.ProcessArchitecture == Architecture.X64;
        public static readonly int Mode = LinksAreLong ? 24 : 16;
        public static readonly int Links = LinksAreLong ? 16 : 20;
        public static readonly int Uid = LinksAreLong ? 28 : 24;
        public static readonly int Gid = LinksAreLong ? 32 : 28;

        private static bool Probe()
        {
            if (RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64))
            {
                return false;
            }

            try
            {
                return stat(CPath("/"), new byte[BufferSize]) == 0;
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                return false;
            }
        }
    }
}
