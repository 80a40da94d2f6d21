using System.Security.Cryptography;

namespace KannadaKit.Speech.Models;

/// <summary>Checksums written <c>algorithm:hex</c> (sha256 or sha1), computed over files by streaming.</summary>
public static class Checksums
{
    /// <summary>Splits and checks a checksum string.</summary>
    public static (string Algorithm, string Hex) Parse(string checksum, string where)
    {
        ArgumentNullException.ThrowIfNull(checksum);
        int colon = checksum.IndexOf(':', StringComparison.Ordinal);
        string algo = colon > 0 ? checksum[..colon] : "";
        string hex = colon > 0 ? checksum[(colon + 1)..].ToLowerInvariant() : "";
        int length = algo switch { "sha256" => 64, "sha1" => 40, _ => -1 };
        if (length < 0 || hex.Length != length || !hex.All(char.IsAsciiHexDigitLower))
        {
            throw new MediaException($"{where}: checksum '{checksum}' must be sha256:<64 hex> or sha1:<40 hex>");
        }

        return (algo, hex);
    }

    /// <summary>The file's checksum in the same algorithm as <paramref name="expected"/>.</summary>
    public static string Of(string path, string expected)
    {
        var (algo, _) = Parse(expected, path);
        using var f = File.OpenRead(path);
        // whisper.cpp publishes only SHA-1 for its ggml files; it checks integrity here, not trust.
#pragma warning disable CA5350
        using HashAlgorithm h = algo == "sha1" ? SHA1.Create() : SHA256.Create();
#pragma warning restore CA5350
        return algo + ":" + Convert.ToHexStringLower(h.ComputeHash(f));
    }

    /// <summary>True when the file matches.</summary>
    public static bool Matches(string path, string expected) => string.Equals(Of(path, expected), expected.ToLowerInvariant(), StringComparison.Ordinal);
}
