namespace KannadaKit.Cli.IO;

/// <summary>The file types stat(2) distinguishes.</summary>
internal enum UnixFileKind
{
    Regular,
    Directory,
    SymbolicLink,
    CharacterDevice,
    BlockDevice,
    NamedPipe,
    Socket,
    Other,
}
