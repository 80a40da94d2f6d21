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
    /// Walks the trie along <paramref name="key"/>; calls back with (matched length, replacement offset) for every
    /// prefix that has a replacement, shortest first. Stops when the callback returns false.
    /// </summary>
    public void PrefixMatches(ReadOnlySpan<byte> key, Func<int, int, bool> onMatch)
    {
        if (_units.Length == 0)
        {
            return;
        }

        uint pos = 0;
        var unit = _units[0];
        pos ^= Offset(unit);
        for (var i = 0; i < key.Length; i++)
        {
            pos ^= key[i];
            if (pos >= _units.Length)
            {
                return;
            }

            unit = _units[pos];
            if ((unit & 0x800000FFu) != key[i])
            {
                return;
            }

            pos ^= Offset(unit);
            if (((unit >> 8) & 1) != 0 && pos < _units.Length)
            {
                if (!onMatch(i + 1, (int)(_units[pos] & 0x7FFFFFFFu)))
                {
                    return;
                }
            }
        }
    }

    /// <summary>The shortest prefix of <paramref name="key"/> with a replacement (what HF's Precompiled uses).</summary>
    public bool TryShortest(ReadOnlySpan<byte> key, out int matchLength, out string replacement)
    {
        var found = -1;
        var length = 0;
        PrefixMatches(key, (len, value) =>
        {
            found = value;
            length = len;
            return false;
        });
        matchLength = length;
        replacement = found < 0 ? string.Empty : ReplacementAt(found);
        return found >= 0;
    }

    /// <summary>The longest prefix of <paramref name="key"/> with a replacement (what SentencePiece uses).</summary>
    public bool TryLongest(ReadOnlySpan<byte> key, out int matchLength, out string replacement)
    {
        var found = -1;
        var length = 0;
        PrefixMatches(key, (len, value) =>
        {
            found = value;
            length = len;
            return true;
        });
        matchLength = length;
        replacement = found < 0 ? string.Empty : ReplacementAt(found);
        return found >= 0;
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
