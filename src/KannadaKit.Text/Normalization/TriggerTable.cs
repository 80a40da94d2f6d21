using System.Numerics;

namespace KannadaKit.Text.Normalization;

/// <summary>
/// Per-normalizer lookup from a UTF-16 code unit to the rules it can trigger. Chars fall into a few classes
/// (a byte per char), each with an unconditional and a contextual rule mask, so the scan loop stays in cache.
/// </summary>
internal sealed class TriggerTable
{
    private readonly byte[] _classOf = new byte[65536];
    private readonly uint[] _always;
    private readonly uint[] _contextual;
    private readonly (char Second, uint Mask)[][] _pairs;
    private readonly uint[] _edge = new uint[65536];
    private readonly NormalizationRule[] _rules;

    public TriggerTable(NormalizationRule[] rules)
    {
        if (rules.Length > 32)
        {
            throw new ArgumentException("at most 32 rules can be enabled at once", nameof(rules));
        }

        _rules = rules;
        var always = new uint[65536];
        var contextual = new uint[65536];
        var pairs = new Dictionary<char, Dictionary<char, uint>>();
        for (int r = 0; r < rules.Length; r++)
        {
            var set = new TriggerSet();
            rules[r].DeclareTriggers(set);
            foreach (var (first, last, ctx) in set.Ranges)
            {
                var target = ctx ? contextual : always;
                for (int c = first; c <= last; c++)
                {
                    target[c] |= 1u << r;
                }
            }

            foreach (var (first, second) in set.Pairs)
            {
                var seconds = pairs.TryGetValue(first, out var d) ? d : pairs[first] = [];
                seconds[second] = seconds.GetValueOrDefault(second) | (1u << r);
            }

            foreach (char c in set.Edges)
            {
                _edge[c] |= 1u << r;
            }
        }

        // Each char that starts a pair gets a class of its own, so the class indexes its list of second chars.
        var classes = new Dictionary<(uint, uint), byte> { [(0u, 0u)] = 0 };
        var alwaysByClass = new List<uint> { 0 };
        var contextualByClass = new List<uint> { 0 };
        var pairsByClass = new List<(char, uint)[]> { Array.Empty<(char, uint)>() };
        for (int c = 0; c < 65536; c++)
        {
            if (always[c] == 0 && contextual[c] == 0 && !pairs.ContainsKey((char)c))
            {
                continue; // class 0: the common case, kept off the dictionary for start-up time
            }

            // A rule that always triggers on c need not be asked again.
            var key = (always[c], contextual[c] & ~always[c]);
            bool startsPair = pairs.ContainsKey((char)c);
            if (startsPair || !classes.TryGetValue(key, out byte k))
            {
                if (alwaysByClass.Count == 256)
                {
                    throw new InvalidOperationException("too many distinct trigger classes");
                }

                k = (byte)alwaysByClass.Count;
                if (!startsPair)
                {
                    classes.Add(key, k);
                }

                alwaysByClass.Add(key.Item1);
                contextualByClass.Add(key.Item2);
                pairsByClass.Add(startsPair ? [.. pairs[(char)c].Select(p => (p.Key, p.Value))] : []);
            }

            _classOf[c] = k;
        }

        _always = [.. alwaysByClass];
        _contextual = [.. contextualByClass];
        _pairs = [.. pairsByClass];
    }

    /// <summary>Mask of the rules that may change <paramref name="text"/>.</summary>
    public uint Scan(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        byte[] classOf = _classOf;
        uint acc = _edge[text[0]] | _edge[text[^1]];
        for (int i = 0; i < text.Length; i++)
        {
            int k = classOf[text[i]];
            if (k == 0)
            {
                continue;
            }

            acc |= _always[k];
            var pairs = _pairs[k];
            if (pairs.Length != 0 && i + 1 < text.Length)
            {
                char next = text[i + 1];
                foreach (var (second, mask) in pairs)
                {
                    if (second == next)
                    {
                        acc |= mask;
                    }
                }
            }

            uint ctx = _contextual[k] & ~acc;
            while (ctx != 0)
            {
                int r = BitOperations.TrailingZeroCount(ctx);
                ctx &= ctx - 1;
                if (_rules[r].IsTriggeredAt(text, i))
                {
                    acc |= 1u << r;
                }
            }
        }

        return acc;
    }
}
