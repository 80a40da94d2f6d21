using System.Text;

namespace KannadaKit.Text.Transliteration.Romanized;

/// <summary>
/// Reads casual romanized Kannada ("namma ooru bengaluru") into Kannada script: ranked candidates for a word, or the
/// best reading of a whole line.
/// </summary>
/// <remarks>
/// A beam search over cuts of the Latin word into chunks, each read as a native symbol, scored by the spelling model
/// and the native n-gram model; the best candidates then get a bonus when the word list knows them. Thread-safe.
/// </remarks>
public sealed class RomanizedDecoder
{
    private readonly RomanizedModel _model;
    private readonly float _lmWeight;
    private readonly double _lexiconWeight;
    private readonly int _beam;

    /// <summary>Creates a decoder over a model, with the model's weights.</summary>
    public RomanizedDecoder(RomanizedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _lmWeight = (float)model.Options.LmWeight;
        _lexiconWeight = model.Options.LexiconWeight;
        _beam = model.Options.Beam;
    }

    private struct Hyp
    {
        public float Score;
        public ulong History;
        public ulong Hash;
        public int Parent;
        public byte Sym1;
        public byte Sym2;
    }

    private const byte NoSymbol = 255;
    private const int Stride = RomanChunk.MaxLength + 1; // chunk codes per input position

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Per-thread buffers reused across words, so decoding allocates little beyond its results.</summary>
    private sealed class Scratch
    {
        public readonly List<Hyp> Arena = new(1024);
        public List<int>[] AtPos = [];
        public Dictionary<ulong, int>[] Seen = [];
        public float[] Best = [];
        public readonly float[] VowelLm = new float[256]; // LM scores of vowel parts after one consonant

        // A direct-mapped cache of n-gram scores: words share stems and endings, and the model's tables are too big
        // for the CPU cache, so most lookups repeat one made before.
        private const int CacheBits = 16;
        private readonly ulong[] _cacheKeys = new ulong[1 << CacheBits];
        private readonly float[] _cacheValues = new float[1 << CacheBits];
        private NGramModel? _cachedLm;

        public float LogProb(NGramModel lm, ulong history, int symbol)
        {
            if (!ReferenceEquals(lm, _cachedLm))
            {
                Array.Clear(_cacheKeys);
                _cachedLm = lm;
            }
            ulong key = ((history << 8) | (uint)symbol) + 1; // + 1: key 0 marks an empty slot
            int slot = (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - CacheBits));
            if (_cacheKeys[slot] == key)
                return _cacheValues[slot];
            float lp = lm.LogProb(history, symbol);
            _cacheKeys[slot] = key;
            _cacheValues[slot] = lp;
            return lp;
        }
        public readonly StringBuilder Text = new(64);
        public readonly List<int> Path = new(64);

        public void Reset(int n)
        {
            Arena.Clear();
            if (AtPos.Length < n + 1)
            {
                AtPos = new List<int>[n + 1];
                Best = new float[n + 1];
                Seen = new Dictionary<ulong, int>[n + 1];
                for (int j = 0; j <= n; j++)
                {
                    AtPos[j] = new List<int>(64);
                    Seen[j] = new Dictionary<ulong, int>(64);
                }
            }
            for (int j = 0; j <= n; j++)
            {
                AtPos[j].Clear();
                Seen[j].Clear();
                Best[j] = float.NegativeInfinity;
            }
        }
    }

    /// <summary>
    /// The <paramref name="k"/> best Kannada readings of one romanized word, best first. Letters other than a–z
    /// (after lower-casing) give no candidates.
    /// </summary>
    public IReadOnlyList<RomanizedCandidate> Decode(ReadOnlySpan<char> word, int k = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        int n = word.Length;
        if (n == 0 || n > 64)
            return [];
        Span<char> lower = stackalloc char[n];
        word.ToLowerInvariant(lower);
        // codes[j * Stride + len]: chunk code of lower[j..j+len], -1 when not letters.
        Span<int> codes = stackalloc int[(n + 1) * Stride];
        for (int j = 0; j <= n; j++)
        {
            for (int len = 0; len <= RomanChunk.MaxLength; len++)
                codes[j * Stride + len] = j + len <= n ? RomanChunk.Encode(lower.Slice(j, len)) : -1;
        }
        if (codes[1] < 0)
            return [];

        var scratch = t_scratch ??= new Scratch();
        scratch.Reset(n);
        var arena = scratch.Arena;
        var atPos = scratch.AtPos;
        var seen = scratch.Seen;
        var best = scratch.Best;
        float window = (float)_model.Options.ScoreWindow;
        var vowelLm = scratch.VowelLm;
        arena.Add(new Hyp { Score = 0, History = 0, Hash = 14695981039346656037UL, Parent = -1, Sym1 = NoSymbol, Sym2 = NoSymbol });
        atPos[0].Add(0);
        var lm = _model.Lm;
        Comparison<int> byScore = (a, b) => arena[b].Score.CompareTo(arena[a].Score);

        for (int j = 0; j < n; j++)
        {
            var list = atPos[j];
            if (list.Count == 0)
                continue;
            // Best first, so that the windows at later positions tighten early.
            list.Sort(byScore);
            if (list.Count > _beam)
                list.RemoveRange(_beam, list.Count - _beam);
            foreach (int hi in list)
            {
                var h = arena[hi];
                for (int l1 = 1; l1 <= RomanChunk.MaxLength && j + l1 <= n; l1++)
                {
                    int c1 = codes[j * Stride + l1];
                    if (c1 < 0)
                        break;
                    if (_model.Consonants.TryGetValue(c1, out var cons))
                    {
                        foreach (var (c, lpc) in cons)
                        {
                            float sc = h.Score + lpc;
                            // Log-probabilities are at most 0, so a reading already out of every window can go now.
                            if (sc < best[Math.Min(j + l1 + 1, n)] - window && sc < best[j + l1] - window)
                                continue;
                            sc += _lmWeight * scratch.LogProb(lm, h.History, c);
                            ulong hist1 = lm.Push(h.History, c);
                            vowelLm.AsSpan().Fill(float.NaN);
                            for (int l2 = 0; l2 <= 3 && j + l1 + l2 <= n; l2++)
                            {
                                int c2 = codes[(j + l1) * Stride + l2];
                                if (c2 < 0 || !_model.VowelParts.TryGetValue(c2, out var vps))
                                    continue;
                                float floor = best[j + l1 + l2] - window;
                                foreach (var (v, lpv) in vps)
                                {
                                    float s2 = sc + lpv;
                                    if (s2 < floor)
                                        break; // readings are sorted, the rest score lower still
                                    float lmv = vowelLm[v];
                                    if (float.IsNaN(lmv))
                                        vowelLm[v] = lmv = scratch.LogProb(lm, hist1, v);
                                    Add(arena, atPos, seen, best, window, j + l1 + l2, hi, h, c, v, s2 + _lmWeight * lmv,
                                        lm.Push(hist1, v));
                                }
                            }
                        }
                    }
                    if (_model.Standalone.TryGetValue(c1, out var rest))
                    {
                        foreach (var (s, lps) in rest)
                        {
                            if (h.Score + lps < best[j + l1] - window)
                                break;
                            float s1 = h.Score + lps + _lmWeight * scratch.LogProb(lm, h.History, s);
                            Add(arena, atPos, seen, best, window, j + l1, hi, h, s, NoSymbol, s1, lm.Push(h.History, s));
                        }
                    }
                }
            }
        }

        var finals = atPos[n];
        foreach (int fi in finals)
        {
            var f = arena[fi];
            f.Score += _lmWeight * lm.LogProb(f.History, NativeSymbols.Boundary);
            arena[fi] = f;
        }
        finals.Sort(byScore);
        // Only the leaders can reach the top k, even with the word-list bonus.
        int keep = Math.Min(finals.Count, Math.Max(4 * k, 12));
        var results = new List<RomanizedCandidate>(keep);
        var sb = scratch.Text;
        var symbols = _model.Symbols;
        var path = scratch.Path;
        for (int r = 0; r < keep; r++)
        {
            int fi = finals[r];
            sb.Clear();
            path.Clear();
            for (int x = fi; x > 0; x = arena[x].Parent)
                path.Add(x);
            for (int p = path.Count - 1; p >= 0; p--)
            {
                var hx = arena[path[p]];
                sb.Append(symbols.TextOf(hx.Sym1));
                if (hx.Sym2 != NoSymbol)
                    sb.Append(symbols.TextOf(hx.Sym2));
            }
            string text = sb.ToString();
            double score = arena[fi].Score;
            bool known = _model.Lexicon.TryGetValue(text, out int freq);
            if (known)
                score += _lexiconWeight * Math.Log(1 + freq);
            results.Add(new RomanizedCandidate(text, score, known));
        }
        results.Sort((a, b) => b.Score.CompareTo(a.Score));
        if (results.Count > k)
            results.RemoveRange(k, results.Count - k);
        return results;
    }

    /// <summary>The ranked readings of one word.</summary>
    public IReadOnlyList<RomanizedCandidate> Decode(string word, int k = 5) => Decode(word.AsSpan(), k);

    private static void Add(List<Hyp> arena, List<int>[] atPos, Dictionary<ulong, int>[] seen, float[] best, float window,
        int pos, int parent, in Hyp from, int s1, int s2, float score, ulong history)
    {
        if (score < best[pos] - window)
            return;
        if (score > best[pos])
            best[pos] = score;
        // The same native prefix reached by another cut of the Latin: keep the better one only.
        ulong hash = (from.Hash ^ (uint)(s1 + 1)) * 1099511628211UL;
        hash = (hash ^ (uint)(s2 + 1)) * 1099511628211UL;
        var dict = seen[pos];
        if (dict.TryGetValue(hash, out int existing))
        {
            if (arena[existing].Score >= score)
                return;
            var e = arena[existing];
            e.Score = score;
            e.Parent = parent;
            e.History = history;
            arena[existing] = e;
            return;
        }
        arena.Add(new Hyp { Score = score, History = history, Hash = hash, Parent = parent, Sym1 = (byte)s1, Sym2 = (byte)s2 });
        dict[hash] = arena.Count - 1;
        atPos[pos].Add(arena.Count - 1);
    }

    /// <summary>
    /// Decodes a whole line: every run of Latin letters becomes its best Kannada reading; everything else (spaces,
    /// punctuation, digits) is kept as it is.
    /// </summary>
    public string DecodeLine(ReadOnlySpan<char> line)
    {
        var sb = new StringBuilder(line.Length * 2);
        int i = 0;
        while (i < line.Length)
        {
            if (!char.IsAsciiLetter(line[i]))
            {
                sb.Append(line[i++]);
                continue;
            }
            int start = i;
            while (i < line.Length && char.IsAsciiLetter(line[i]))
                i++;
            var best = Decode(line[start..i], 1);
            if (best.Count > 0)
                sb.Append(best[0].Kannada);
            else
                sb.Append(line[start..i]);
        }
        return sb.ToString();
    }

    /// <summary>Decodes a whole line.</summary>
    public string DecodeLine(string line) => DecodeLine(line.AsSpan());
}
