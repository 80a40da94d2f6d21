using System.Globalization;
using KannadaKit.Text.Scripts;

namespace KannadaKit.Text.Normalization.Rules;

/// <summary>
/// NFC quick-check facts per BMP code unit, from tables generated out of ICU's data (<see cref="NfcTables"/>) plus the
/// canonical combining classes of the Indic blocks, which the runtime does not expose.
/// </summary>
/// <remarks>
/// A text is NFC when every char is NFC_QC=Yes and combining classes never decrease (UAX #15 §9). Outside the Indic
/// blocks we are conservative: every mark is a trigger, so the exact check falls to ICU on that short segment.
/// </remarks>
internal sealed class NfcData
{
    public const byte Trigger = 1;      // may be non-NFC on its own or reorder (ccc not 0 or 9, NFC_QC=No, surrogate)
    public const byte MaybeAfter = 2;   // NFC_QC=Maybe with ccc 0 (e.g. U+0CC2): a trigger only after a char it composes with
    public const byte Boundary = 4;     // nothing before this char can interact with it or what follows

    private static readonly Lazy<NfcData> s_instance = new(() => new NfcData());

    private readonly byte[] _flags = new byte[65536];
    private readonly Dictionary<char, string> _composesAfter = [];

    private NfcData()
    {
        var notNfc = new bool[65536];
        var ranges = NfcTables.QuickCheckNo;
        for (int r = 0; r < ranges.Length; r += 2)
        {
            for (int c = ranges[r]; c <= ranges[r + 1]; c++)
            {
                notNfc[c] = true;
            }
        }

        for (int c = 0; c < 65536; c++)
        {
            _flags[c] = Classify((char)c, notNfc[c]);
        }

        // The second char of each primary composite's one-step decomposition is NFC_QC=Maybe: record what it composes with.
        var pairs = NfcTables.IndicCompositionPairs;
        for (int i = 0; i < pairs.Length; i += 2)
        {
            char first = pairs[i];
            char second = pairs[i + 1];
            _composesAfter[second] = _composesAfter.GetValueOrDefault(second, "") + first;
            if (IndicCombiningClass(IndicScripts.Of(second)!, second) == 0)
            {
                _flags[second] = MaybeAfter;
            }
        }
    }

    public static NfcData Instance => s_instance.Value;

    public byte this[char c] => _flags[c];

    /// <summary>(first, second) pairs of the Indic blocks that compose canonically, second being NFC_QC=Maybe with ccc 0.</summary>
    public IEnumerable<(char First, char Second)> CompositionPairs =>
        _composesAfter.Where(kv => (_flags[kv.Key] & MaybeAfter) != 0).SelectMany(kv => kv.Value.Select(f => (f, kv.Key)));

    /// <summary>Chars a Maybe char composes with when it follows them (U+0CC2 → U+0CC6).</summary>
    public bool ComposesAfter(char previous, char c) =>
        _composesAfter.TryGetValue(c, out var firsts) && firsts.Contains(previous, StringComparison.Ordinal);

    /// <summary>Canonical combining class of an Indic-block char (the ones besides 0 that occur there).</summary>
    public static int IndicCombiningClass(IndicScript script, char c) => c switch
    {
        _ when c == script.Nukta => 7,
        _ when c == script.Virama => 9,
        '\u0D3B' or '\u0D3C' => 9,             // Malayalam vertical bar / circular viramas
        '\u0951' or '\u0953' or '\u0954' => 230, // Devanagari stress sign udatta, grave, acute
        '\u0952' => 220,                         // Devanagari stress sign anudatta
        '\u09FE' => 230,                         // Bengali sandhi mark
        '\u0C55' => 84,                          // Telugu length mark
        '\u0C56' => 91,                          // Telugu AI length mark
        _ => 0,
    };

    private static byte Classify(char c, bool notNfc)
    {
        if (char.IsSurrogate(c))
        {
            return Trigger;
        }

        var script = IndicScripts.Of(c);
        if (script is not null)
        {
            int ccc = IndicCombiningClass(script, c);
            if (notNfc || (ccc != 0 && ccc != 9))
            {
                return Trigger;
            }

            // A virama only reorders against a following lower-class mark (nukta), which is itself a trigger.
            return ccc == 9 ? (byte)0 : Boundary;
        }

        var category = char.GetUnicodeCategory(c);
        bool mark = category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
        bool hangulVowelOrTrailing = (c >= '\u1161' && c <= '\u1175') || (c >= '\u11A8' && c <= '\u11C2');
        return mark || notNfc || hangulVowelOrTrailing ? Trigger : Boundary;
    }
}
