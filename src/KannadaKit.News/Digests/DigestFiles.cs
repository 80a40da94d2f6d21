using System.Text;
using System.Text.Json;
using KannadaKit.News.Json;
using KannadaKit.Text.IO;

namespace KannadaKit.News.Digests;

/// <summary>
/// Writes a digest into a folder as <c>index.html</c>, <c>digest.json</c>, <c>digest.atom</c> and <c>digest.md</c>.
/// Each file is written under a temporary name and renamed over the old one, so a reader (a web server serving
/// the folder) sees the previous digest or the new one, never half of one.
/// </summary>
public static class DigestFiles
{
    /// <summary>The files written, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["index.html", "digest.json", "digest.atom", "digest.md"];

    /// <summary>Writes every form of <paramref name="digest"/> into <paramref name="folder"/> (created when missing).</summary>
    /// <exception cref="IOException">The folder cannot be made or written; the message names it.</exception>
    public static void Write(string folder, Digest digest)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(digest);
        if (File.Exists(folder))
            throw new IOException($"{folder}: is a file; expected a folder for the digest");
        Directory.CreateDirectory(folder);
        var utf8 = new UTF8Encoding(false);
        AtomicFile.Write(Path.Combine(folder, "index.html"), s =>
        {
            using var w = new StreamWriter(s, utf8, 65536, leaveOpen: true);
            DigestHtmlWriter.Write(w, digest);
        });
        AtomicFile.Write(Path.Combine(folder, "digest.json"), s =>
        {
            using (var w = new Utf8JsonWriter(s, NewsJsonWriter.Options(indented: true)))
                NewsJsonWriter.WriteDigest(w, digest);
            s.WriteByte((byte)'\n');
        });
        AtomicFile.Write(Path.Combine(folder, "digest.atom"), s => DigestAtomWriter.Write(s, digest));
        AtomicFile.Write(Path.Combine(folder, "digest.md"), s =>
        {
            using var w = new StreamWriter(s, utf8, 65536, leaveOpen: true);
            DigestMarkdownWriter.Write(w, digest);
        });
    }
}
