namespace KannadaKit.Text.Transliteration.Romanized;

/// <summary>
/// The native side of the romanized-input model: Kannada words cut into consonants (a doubled consonant counts as one,
/// since people write ನ್ನ as "nn" or "n"), vowel parts (inherent a, sign or virama) and the rest.
/// </summary>
/// <remarks>Symbol ids fit a byte so that n-gram histories pack into a <see cref="ulong"/>. Id 0 is the word boundary,
/// 1 the inherent a.</remarks>
internal sealed class NativeSymbols
{
    public const int Boundary = 0;
    public const int Inherent = 1;
    public const int MaxSymbols = 255;
    private const char Virama = '\u0CCD';
    private const char Nukta = '\u0CBC';

    private readonly List<string> _text = [];
    private readonly List<SymbolKind> _kind = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public NativeSymbols()
    {
        Add("", SymbolKind.Boundary);
        Add("", SymbolKind.VowelPart); // the inherent a: written as nothing
    }

    public int Count => _text.Count;

    public string TextOf(int id) => _text[id];

    public SymbolKind KindOf(int id) => _kind[id];

    private int Add(string text, SymbolKind kind)
    {
        _text.Add(text);
        _kind.Add(kind);
        if (kind != SymbolKind.Boundary && !(kind == SymbolKind.VowelPart && text.Length == 0))
            _ids[text] = _text.Count - 1;
        return _text.Count - 1;
    }

    /// <summary>Looks a symbol up, adding it when <paramref name="grow"/> and there is room.</summary>
    private int Id(string text, SymbolKind kind, bool grow)
    {
        if (_ids.TryGetValue(text, out int id))
            return id;
        if (!grow || _text.Count >= MaxSymbols)
            return -1;
        return Add(text, kind);
    }

    public static bool IsConsonant(char c) => c is >= '\u0C95' and <= '\u0CB9' or '\u0CDE' or '\u0CDD';

    public static bool IsVowelSign(char c) => c is >= '\u0CBE' and <= '\u0CCC' or '\u0CE2' or '\u0CE3';

    /// <summary>Cuts a Kannada word into symbol ids; null when it holds something outside Kannada.</summary>
    public List<int>? Symbolize(ReadOnlySpan<char> word, bool grow)
    {
        var ids = new List<int>(word.Length + 2);
        int i = 0;
        while (i < word.Length)
        {
            char c = word[i];
            if (c is < '\u0C80' or > '\u0CFF' && c is not '\u200C' and not '\u200D')
                return null;
            int id;
            if (IsConsonant(c))
            {
                int len = ConsonantLength(word, i);
                int total = len;
                // A doubled consonant: C + virama + the same C.
                if (i + 2 * len + 1 <= word.Length && word[i + len] == Virama
                    && word.Slice(i + len + 1, len).SequenceEqual(word.Slice(i, len)))
                    total = 2 * len + 1;
                id = Id(word.Slice(i, total).ToString(), SymbolKind.Consonant, grow);
                if (id < 0)
                    return null;
                ids.Add(id);
                i += total;
                if (i < word.Length && (IsVowelSign(word[i]) || word[i] == Virama))
                {
                    id = Id(word[i].ToString(), SymbolKind.VowelPart, grow);
                    i++;
                }
                else
                {
                    id = Inherent;
                }
                if (id < 0)
                    return null;
                ids.Add(id);
                continue;
            }
            var kind = c is >= '\u0C85' and <= '\u0C94' or '\u0CE0' or '\u0CE1' ? SymbolKind.Vowel : SymbolKind.Other;
            id = Id(c.ToString(), kind, grow);
            if (id < 0)
                return null;
            ids.Add(id);
            i++;
        }
        return ids;
    }

    private static int ConsonantLength(ReadOnlySpan<char> word, int i) =>
        i + 1 < word.Length && word[i + 1] == Nukta ? 2 : 1;

    public void Write(BinaryWriter w)
    {
        w.Write(_text.Count);
        for (int i = 0; i < _text.Count; i++)
        {
            w.Write(_text[i]);
            w.Write((byte)_kind[i]);
        }
    }

    public static NativeSymbols Read(BinaryReader r)
    {
        var s = new NativeSymbols();
        int n = ModelBinary.ReadCount(r, 2, "symbol");
        if (n is < 2 or > MaxSymbols)
            throw new InvalidDataException($"symbol count {n} out of range");
        for (int i = 0; i < n; i++)
        {
            string text = ModelBinary.ReadString(r);
            var kind = (SymbolKind)r.ReadByte();
            if (!Enum.IsDefined(kind))
                throw new InvalidDataException($"symbol kind {(int)kind} at byte {r.BaseStream.Position - 1} is unknown");
            if (i >= 2 && (text.Length == 0 || s._ids.ContainsKey(text)))
                throw new InvalidDataException($"symbol {i} ('{text}') is empty or repeated");
            if (i >= 2)
                s.Add(text, kind);
        }
        return s;
    }
}
