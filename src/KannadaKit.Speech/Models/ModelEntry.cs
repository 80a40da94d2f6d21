namespace KannadaKit.Speech.Models;

/// <summary>
/// One model the manifest knows: where it comes from, its licence, its checksum (<c>sha256:…</c> or, where the
/// publisher gives only that, <c>sha1:…</c>), and for files inside an archive the archive's member path.
/// </summary>
public sealed record ModelEntry(string Name, string File, string Url, string Checksum, string Licence, string Description)
{
    /// <summary>The size in bytes when known exactly (checked before the checksum).</summary>
    public long? Size { get; init; }

    /// <summary>For a file inside a .tgz: the member's path; the download is the archive.</summary>
    public string? Member { get; init; }

    /// <summary>The archive's own checksum, when the file comes from one.</summary>
    public string? ArchiveChecksum { get; init; }

    /// <summary>What the model is for: "whisper" or "vad".</summary>
    public string Kind { get; init; } = "whisper";
}
