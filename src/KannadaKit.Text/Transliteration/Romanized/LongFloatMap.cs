using System.Numerics;

namespace KannadaKit.Text.Transliteration.Romanized;

/// <summary>An open-addressing map from non-zero <see cref="ulong"/> keys to floats: compact and quick to probe.</summary>
internal sealed class LongFloatMap
{
    private ulong[] _keys;
    private float[] _values;
    private int _count;

    public LongFloatMap(int capacity)
    {
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        _keys = new ulong[size];
        _values = new float[size];
    }

    private static int Slot(ulong key, int mask) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    public bool TryGet(ulong key, out float value)
    {
        var keys = _keys;
        int mask = keys.Length - 1;
        for (int i = Slot(key, mask); ; i = (i + 1) & mask)
        {
            ulong k = keys[i];
            if (k == key)
            {
                value = _values[i];
                return true;
            }
            if (k == 0)
            {
                value = 0;
                return false;
            }
        }
    }

    public void Set(ulong key, float value)
    {
        if (key == 0)
            throw new ArgumentOutOfRangeException(nameof(key), "key 0 marks an empty slot");
        if ((_count + 1) * 2 > _keys.Length)
            Grow();
        int mask = _keys.Length - 1;
        for (int i = Slot(key, mask); ; i = (i + 1) & mask)
        {
            if (_keys[i] == key)
            {
                _values[i] = value;
                return;
            }
            if (_keys[i] == 0)
            {
                _keys[i] = key;
                _values[i] = value;
                _count++;
                return;
            }
        }
    }

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        _keys = new ulong[keys.Length * 2];
        _values = new float[keys.Length * 2];
        _count = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] != 0)
                Set(keys[i], values[i]);
        }
    }

    public void Write(BinaryWriter w)
    {
        w.Write(_count);
        for (int i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != 0)
            {
                w.Write(_keys[i]);
                w.Write(_values[i]);
            }
        }
    }

    public static LongFloatMap Read(BinaryReader r)
    {
        int n = ModelBinary.ReadCount(r, sizeof(ulong) + sizeof(float), "n-gram map");
        if (n > 50_000_000)
            throw new InvalidDataException($"map size {n} out of range");
        var map = new LongFloatMap(n);
        for (int i = 0; i < n; i++)
        {
            ulong key = r.ReadUInt64();
            if (key == 0)
                throw new InvalidDataException($"n-gram key 0 at byte {r.BaseStream.Position - 8} (0 marks an empty slot)");
            map.Set(key, ModelBinary.ReadFiniteSingle(r, "n-gram weight"));
        }
        return map;
    }
}
