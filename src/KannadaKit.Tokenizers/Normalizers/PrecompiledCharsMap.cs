using System.Buffers.Binary;
using System.Text;

namespace KannadaKit.Tokenizers.Normalizers;

/// <summary>
/// SentencePiece's precompiled character map: [uint32 LE trie size in bytes][Darts-clone double-array units]
/// [NUL-terminated UTF-8 replacement strings]. A trie leaf's value is the byte offset of its replacement.
/// </summary>
internal sealed class PrecompiledCharsMap
{
    private readonly uint[] _units;
    private readonly byte[] _outputs;

    private PrecompiledCharsMap(uint[] units, byte[] outputs)
    {
        _units = units;
        _outputs = outputs;
    }

    /// <summary>Parses a blob; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static PrecompiledCharsMap Parse(ReadOnlySpan<byte> blob)
    {
        if (blob.Length <= 4)
        {
            throw new FormatException($"precompiled charsmap of {blob.Length} bytes is too short");
        }

        var trieSize = BinaryPrimitives.ReadUInt32LittleEndian(blob);
        if (trieSize % 4 != 0 || trieSize > blob.Length - 4)
        {
            throw new FormatException($"precompiled charsmap declares a trie of {trieSize} bytes in a blob of {blob.Length}");
        }

        var units = new uint[trieSize / 4];
        for (var i = 0; i < units.Length; i++)
        {
            units[i] = BinaryPrimitives.ReadUInt32LittleEndian(blob[(4 + (i * 4))..]);
        }

        return new PrecompiledCharsMap(units, blob[(4 + (int)trieSize)..].ToArray());
    }

    /// <summary>
    /// Walks the trie along <paramref name="key"/> and gives the shortest (HF's Precompiled) or the longest
    /// (SentencePiece) prefix that has a replacement: its length in bytes and the replacement's offset. No callback
    /// and no string, so the per-character normalization loop allocates nothing.
    /// </summary>
    public bool TryMatch(ReadOnlySpan<byte> key, bool longest, out int matchLength, out int replacementOffset)
    {
        matchLength = 0;
        replacementOffset = -1;
        if (_units.Length == 0)
        {
            return false;
        }

        uint pos = Offset(_units[0]);
        for (var i = 0; i < key.Length; i++)
        {
            pos ^= key[i];
            if (pos >= _units.Length)
            {
                break;
            }

            var unit = _units[pos];
            if ((unit & 0x800000FFu) != key[i])
            {
                break;
            }

            pos ^= Offset(unit);
            if (((unit >> 8) & 1) != 0 && pos < _units.Length)
            {
                matchLength = i + 1;
                replacementOffset = (int)(_units[pos] & 0x7FFFFFFFu);
                if (!longest)
                {
                    break;
                }
            }
        }

        return replacementOffset >= 0;
    }

    /// <summary>The shortest prefix of <paramref name="key"/> with a replacement (what HF's Precompiled uses).</summary>
    public bool TryShortest(ReadOnlySpan<byte> key, out int matchLength, out string replacement)
    {
        var found = TryMatch(key, longest: false, out matchLength, out var offset);
        replacement = found ? ReplacementAt(offset) : string.Empty;
        return found;
    }

    public ReadOnlySpan<byte> ReplacementBytesAt(int offset)
    {
        if ((uint)offset >= (uint)_outputs.Length)
        {
            return [];
        }

        var rest = _outputs.AsSpan(offset);
        var end = rest.IndexOf((byte)0);
        return end < 0 ? rest : rest[..end];
    }

    private string ReplacementAt(int offset) => Encoding.UTF8.GetString(ReplacementBytesAt(offset));

    private static uint Offset(uint unit) => (unit >> 10) << (int)((unit & (1u << 9)) >> 6);
}
