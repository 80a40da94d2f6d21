using System.Security.Cryptography;
using System.Text;

namespace KannadaKit.Text.Transliteration.Romanized;

/// <summary>
/// Checked reads for the .kkrm format: every count, length and weight is validated against what the file can hold,
/// and the file ends with a SHA-256 of everything before it, so a flipped bit is found before it becomes a wrong
/// answer (regressions: negative counts, string lengths past the end and NaN weights were internal errors or were
/// accepted).
/// </summary>
internal static class ModelBinary
{
    public const int ChecksumLength = 32;

    /// <summary>The body of a saved file followed by its checksum.</summary>
    public static void WriteWithChecksum(Stream output, ReadOnlySpan<byte> body)
    {
        output.Write(body);
        output.Write(SHA256.HashData(body));
    }

    /// <summary>The body of <paramref name="file"/> after checking its trailing checksum.</summary>
    public static ReadOnlyMemory<byte> VerifiedBody(byte[] file, int headerLength)
    {
        if (file.Length < headerLength + ChecksumLength)
        {
            throw new InvalidDataException("romanized-input model is truncated");
        }

        var body = file.AsMemory(0, file.Length - ChecksumLength);
        if (!SHA256.HashData(body.Span).AsSpan().SequenceEqual(file.AsSpan(file.Length - ChecksumLength)))
        {
            throw new InvalidDataException("romanized-input model is damaged (checksum mismatch); train or fetch it again");
        }

        return body;
    }

    /// <summary>A count of items, each at least <paramref name="bytesPerItem"/> bytes, that the rest of the file can hold.</summary>
    public static int ReadCount(BinaryReader r, int bytesPerItem, string what)
    {
        long offset = r.BaseStream.Position;
        int n = r.ReadInt32();
        long left = r.BaseStream.Length - r.BaseStream.Position;
        if (n < 0 || (long)n * bytesPerItem > left)
        {
            throw new InvalidDataException($"{what} count {n} at byte {offset} is out of range ({left} bytes follow)");
        }

        return n;
    }

    /// <summary>A length-prefixed string whose length fits in the file and whose bytes are valid UTF-8.</summary>
    public static string ReadString(BinaryReader r)
    {
        long offset = r.BaseStream.Position;
        int length;
        try
        {
            length = r.Read7BitEncodedInt();
        }
        catch (FormatException)
        {
            throw new InvalidDataException($"bad string length at byte {offset}");
        }

        if (length < 0 || length > r.BaseStream.Length - r.BaseStream.Position)
        {
            throw new InvalidDataException($"string length {length} at byte {offset} runs past the end of the file");
        }

        var bytes = r.ReadBytes(length);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException($"string at byte {offset} is not valid UTF-8");
        }
    }

    public static double ReadFinite(BinaryReader r, string what)
    {
        long offset = r.BaseStream.Position;
        double v = r.ReadDouble();
        return double.IsFinite(v) ? v : throw new InvalidDataException($"{what} at byte {offset} is {v}; expected a finite number");
    }

    public static float ReadFiniteSingle(BinaryReader r, string what)
    {
        long offset = r.BaseStream.Position;
        float v = r.ReadSingle();
        return float.IsFinite(v) ? v : throw new InvalidDataException($"{what} at byte {offset} is {v}; expected a finite number");
    }

    public static int ReadInRange(BinaryReader r, string what, int min, int max)
    {
        long offset = r.BaseStream.Position;
        int v = r.ReadInt32();
        return v >= min && v <= max ? v : throw new InvalidDataException($"{what} at byte {offset} is {v}; expected {min}..{max}");
    }
}
