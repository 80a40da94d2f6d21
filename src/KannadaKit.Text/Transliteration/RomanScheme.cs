using System.Text;

namespace KannadaKit.Text.Transliteration;

/// <summary>
/// A romanization scheme for Kannada: a table of <see cref="RomanUnit"/>s plus the rules that join them, able to write
/// Kannada in Latin letters and to read it back.
/// </summary>
/// <remarks>
/// <para>Writing is reversible by default: Kannada text comes back exactly, whatever else the line holds. Characters
/// of the source that the reader would take for letters of the scheme (Latin letters, ASCII digits, and the scheme's
/// own symbols where they would be misread) are wrapped in braces, <c>{like this}</c>; inside braces <c>\}</c> and
/// <c>\\</c> stand for themselves. Characters the scheme has no spelling for (stray vowel signs, joiners, other scripts)
/// are written as they are.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class RomanScheme
{
    private const char EscapeOpen = '{';
    private const char EscapeClose = '}';
    private const char EscapeQuote = '\\';

    private readonly Dictionary<string, RomanUnit> _byNative = new(StringComparer.Ordinal);
    private readonly Dictionary<char, RomanUnit> _bySign = [];
    private readonly Dictionary<string, RomanUnit> _bySpelling = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RomanUnit>.AlternateLookup<ReadOnlySpan<char>> _spellingLookup;
    private readonly Dictionary<string, RomanUnit>.AlternateLookup<ReadOnlySpan<char>> _nativeLookup;
    private readonly HashSet<char> _spellingChars = [];
    private readonly int _maxNative;
    private int _maxSpelling; // set while the table is read in the constructor

    internal RomanScheme(string name, char separator, bool caseInsensitive, IReadOnlyList<RomanUnit> units)
    {
        Name = name;
        Separator = separator;
        CaseInsensitive = caseInsensitive;
        Units = units;
        foreach (var u in units)
        {
            _byNative.TryAdd(u.Native, u);
            _maxNative = Math.Max(_maxNative, u.Native.Length);
            if (u.Sign is { Length: 1 } sign)
                _bySign.TryAdd(sign[0], u);
            foreach (var s in u.Spellings)
            {
                AddSpelling(s, u);
                // Readers get decomposed input too (ā typed as a + U+0304); written text is always composed.
                string nfd = s.Normalize(NormalizationForm.FormD);
                if (nfd != s)
                    AddSpelling(nfd, u);
            }
        }
        _spellingLookup = _bySpelling.GetAlternateLookup<ReadOnlySpan<char>>();
        _nativeLookup = _byNative.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The scheme's name as the CLI spells it.</summary>
    public string Name { get; }

    /// <summary>The character that keeps two letters apart (ISO 15919 <c>a:i</c>).</summary>
    public char Separator { get; }

    /// <summary>True when reading ignores letter case.</summary>
    public bool CaseInsensitive { get; }

    /// <summary>The scheme's table.</summary>
    public IReadOnlyList<RomanUnit> Units { get; }

    private void AddSpelling(string spelling, RomanUnit unit)
    {
        string key = CaseInsensitive ? spelling.ToLowerInvariant() : spelling;
        if (!_bySpelling.TryAdd(key, unit) && _bySpelling[key].Spellings[0] != spelling && unit.Spellings[0] == spelling)
            _bySpelling[key] = unit; // a unit's own written form wins over another unit's alias
        _maxSpelling = Math.Max(_maxSpelling, key.Length);
        foreach (char c in spelling)
            _spellingChars.Add(CaseInsensitive ? char.ToLowerInvariant(c) : c);
    }

    /// <summary>Writes Kannada text in this scheme.</summary>
    /// <param name="text">Any text; the Kannada in it is romanized.</param>
    /// <param name="reversible">
    /// True (the default) to brace-escape whatever the reader would misread, so that <see cref="ToKannada(string)"/> gives the
    /// input back exactly; false for plain output to read.
    /// </param>
    public string FromKannada(ReadOnlySpan<char> text, bool reversible = true)
    {
        var pieces = Split(text);
        var sb = new StringBuilder(text.Length * 2);
        for (int i = 0; i < pieces.Count; i++)
        {
            var p = pieces[i];
            if (p.Kind == PieceKind.Raw)
            {
                if (reversible && NeedsEscape(pieces, i))
                {
                    int end = EscapeRunEnd(pieces, i);
                    sb.Append(EscapeOpen);
                    for (int j = i; j < end; j++)
                    {
                        char c = pieces[j].Text[0];
                        if (c is EscapeClose or EscapeQuote)
                            sb.Append(EscapeQuote);
                        sb.Append(c);
                    }
                    sb.Append(EscapeClose);
                    i = end - 1;
                }
                else
                {
                    sb.Append(p.Text);
                }
                continue;
            }
            if (i > 0 && p.Kind == PieceKind.Letter && pieces[i - 1].Kind == PieceKind.Letter && NeedsSeparator(pieces, i))
                sb.Append(Separator);
            sb.Append(p.Text);
        }
        return sb.ToString();
    }

    /// <summary>Writes Kannada text in this scheme (reversible).</summary>
    public string FromKannada(string text) => FromKannada(text.AsSpan());

    /// <summary>Reads text written in this scheme back into Kannada. Text in braces and unknown characters pass through.</summary>
    public string ToKannada(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length * 2);
        string? pending = null; // a consonant still waiting for its vowel
        bool lastWasLetter = false;
        Span<char> folded = stackalloc char[_maxSpelling];
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == EscapeOpen)
            {
                int close = FindEscapeClose(text, i + 1);
                if (close >= 0)
                {
                    Flush(sb, ref pending);
                    for (int j = i + 1; j < close; j++)
                    {
                        if (text[j] == EscapeQuote && j + 1 < close)
                            j++;
                        sb.Append(text[j]);
                    }
                    i = close + 1;
                    lastWasLetter = false;
                    continue;
                }
            }
            if (c == Separator && lastWasLetter && i + 1 < text.Length && Match(text[(i + 1)..], folded, out _) is { } next
                && next.Kind != RomanUnitKind.Digit)
            {
                Flush(sb, ref pending);
                i++;
                lastWasLetter = false;
                continue;
            }
            var unit = Match(text[i..], folded, out int len);
            if (unit is null)
            {
                Flush(sb, ref pending);
                sb.Append(c);
                i++;
                lastWasLetter = false;
                continue;
            }
            switch (unit.Kind)
            {
                case RomanUnitKind.Consonant:
                    Flush(sb, ref pending);
                    pending = unit.Native;
                    break;
                case RomanUnitKind.Vowel:
                    if (pending is not null)
                    {
                        sb.Append(pending).Append(unit.Sign);
                        pending = null;
                    }
                    else
                    {
                        sb.Append(unit.Native);
                    }
                    break;
                default:
                    Flush(sb, ref pending);
                    sb.Append(unit.Native);
                    break;
            }
            lastWasLetter = unit.Kind != RomanUnitKind.Digit;
            i += len;
        }
        Flush(sb, ref pending);
        return sb.ToString();
    }

    /// <summary>Reads text written in this scheme back into Kannada.</summary>
    public string ToKannada(string text) => ToKannada(text.AsSpan());

    private static void Flush(StringBuilder sb, ref string? pending)
    {
        if (pending is null)
            return;
        sb.Append(pending).Append('\u0CCD');
        pending = null;
    }

    private static int FindEscapeClose(ReadOnlySpan<char> text, int from)
    {
        for (int j = from; j < text.Length; j++)
        {
            if (text[j] == EscapeQuote)
                j++;
            else if (text[j] == EscapeClose)
                return j;
        }
        return -1;
    }

    /// <summary>The longest unit whose spelling starts <paramref name="text"/>.</summary>
    private RomanUnit? Match(ReadOnlySpan<char> text, Span<char> folded, out int length)
    {
        int max = Math.Min(_maxSpelling, text.Length);
        ReadOnlySpan<char> probe = text[..max];
        if (CaseInsensitive)
        {
            probe.ToLowerInvariant(folded);
            probe = folded[..max];
        }
        for (int len = max; len > 0; len--)
        {
            if (_spellingLookup.TryGetValue(probe[..len], out var unit))
            {
                length = len;
                return unit;
            }
        }
        length = 0;
        return null;
    }

    private enum PieceKind : byte { Letter, Digit, Raw }

    private readonly record struct Piece(string Text, PieceKind Kind, RomanUnitKind UnitKind, bool Bare);

    /// <summary>Cuts Kannada text into the pieces the scheme writes: unit spellings, and raw characters.</summary>
    private List<Piece> Split(ReadOnlySpan<char> text)
    {
        var pieces = new List<Piece>(text.Length + 8);
        int i = 0;
        while (i < text.Length)
        {
            RomanUnit? unit = null;
            int len = Math.Min(_maxNative, text.Length - i);
            for (; len > 0; len--)
            {
                if (_nativeLookup.TryGetValue(text.Slice(i, len), out unit))
                    break;
            }
            if (unit is null)
            {
                pieces.Add(new Piece(text[i].ToString(), PieceKind.Raw, default, false));
                i++;
                continue;
            }
            i += len;
            if (unit.Kind == RomanUnitKind.Consonant)
            {
                if (i < text.Length && text[i] == '\u0CCD')
                {
                    pieces.Add(new Piece(unit.Canonical, PieceKind.Letter, RomanUnitKind.Consonant, Bare: true));
                    i++;
                    continue;
                }
                pieces.Add(new Piece(unit.Canonical, PieceKind.Letter, RomanUnitKind.Consonant, Bare: false));
                var vowel = i < text.Length && _bySign.TryGetValue(text[i], out var v) ? v : _byNative["ಅ"];
                if (vowel != _byNative["ಅ"])
                    i++;
                pieces.Add(new Piece(vowel.Canonical, PieceKind.Letter, RomanUnitKind.Vowel, Bare: false));
                continue;
            }
            pieces.Add(new Piece(unit.Canonical, unit.Kind == RomanUnitKind.Digit ? PieceKind.Digit : PieceKind.Letter,
                unit.Kind, Bare: unit.Kind == RomanUnitKind.Vowel));
        }
        return pieces;
    }

    /// <summary>The text the reader will see from piece <paramref name="from"/> on, up to the longest spelling.</summary>
    private static ReadOnlySpan<char> Lookahead(List<Piece> pieces, int from, Span<char> buffer)
    {
        int n = 0;
        for (int j = from; j < pieces.Count && n < buffer.Length; j++)
        {
            var t = pieces[j].Text.AsSpan();
            int take = Math.Min(t.Length, buffer.Length - n);
            t[..take].CopyTo(buffer[n..]);
            n += take;
        }
        return buffer[..n];
    }

    private bool NeedsSeparator(List<Piece> pieces, int i)
    {
        var prev = pieces[i - 1];
        var cur = pieces[i];
        // A dead consonant before an independent vowel would take it as its sign.
        if (prev.Bare && prev.UnitKind == RomanUnitKind.Consonant && cur.UnitKind == RomanUnitKind.Vowel)
            return true;
        Span<char> folded = stackalloc char[_maxSpelling];
        Span<char> buffer = stackalloc char[_maxSpelling];
        var unit = Match(Lookahead(pieces, i - 1, buffer), folded, out int len);
        return unit is null || len != prev.Text.Length;
    }

    private bool NeedsEscape(List<Piece> pieces, int i)
    {
        char c = pieces[i].Text[0];
        if (c == EscapeOpen || char.IsAsciiLetterOrDigit(c))
            return true;
        char key = CaseInsensitive ? char.ToLowerInvariant(c) : c;
        if (c == Separator)
            return i > 0 && pieces[i - 1].Kind == PieceKind.Letter && i + 1 < pieces.Count && pieces[i + 1].Kind == PieceKind.Letter;
        if (!_spellingChars.Contains(key))
            return false;
        Span<char> folded = stackalloc char[_maxSpelling];
        Span<char> buffer = stackalloc char[_maxSpelling];
        // Read as the start of a letter?
        if (Match(Lookahead(pieces, i, buffer), folded, out _) is not null)
            return true;
        // Or as the tail of the letter before it?
        if (i > 0 && pieces[i - 1].Kind != PieceKind.Raw)
        {
            Match(Lookahead(pieces, i - 1, buffer), folded, out int len);
            if (len != pieces[i - 1].Text.Length)
                return true;
        }
        return false;
    }

    /// <summary>Where an escaped run starting at <paramref name="start"/> ends: it spans raw pieces up to the last one
    /// that needs escaping before the next letter, so "(Kannada Language)" becomes one run.</summary>
    private int EscapeRunEnd(List<Piece> pieces, int start)
    {
        int end = start + 1;
        for (int j = start + 1; j < pieces.Count && pieces[j].Kind == PieceKind.Raw; j++)
        {
            if (pieces[j].Text[0] is '\n' or '\r')
                break;
            if (NeedsEscape(pieces, j))
                end = j + 1;
        }
        return end;
    }
}
