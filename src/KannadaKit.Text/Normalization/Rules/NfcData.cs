using System.Globalization;
using System.Text;
using KannadaKit.Text.Scripts;

namespace KannadaKit.Text.Normalization.Rules;

/// <summary>
/// NFC quick-check facts per BMP code unit, derived once from the runtime's Unicode data (ICU on Linux) plus the
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
        for (int c = 0; c < 65536; c++)
        {
            _flags[c] = Classify((char)c);
        }

        foreach (var script in IndicScripts.All)
        {
            AddCompositions(script);
        }
    }

    public static NfcData Instance => s_instance.Value;

    public byte this[char c] => _flags[c];

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

    private static byte Classify(char c)
    {
        if (char.IsSurrogate(c))
        {
            return Trigger;
        }

        // Large blocks of NFC-stable starters; skipping them keeps start-up short.
        if ((c >= '\u3400' && c <= '\u9FFF') || (c >= '\uAC00' && c <= '\uD7A3') || (c >= '\uE000' && c <= '\uF8FF'))
        {
            return Boundary;
        }

        bool notNfc;
        try
        {
            notNfc = !c.ToString().IsNormalized(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return Boundary; // U+FFFE and friends: not text; no composition involves them
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

    private void AddCompositions(IndicScript script)
    {
        // The second char of each primary composite's one-step decomposition is NFC_QC=Maybe: record what it composes with.
        for (int c = script.BlockStart; c < script.BlockStart + 0x80; c++)
        {
            string one = ((char)c).ToString();
            if (!one.IsNormalized(NormalizationForm.FormC))
            {
                continue; // composition exclusions never recompose
            }

            string nfd = one.Normalize(NormalizationForm.FormD);
            if (nfd.Length < 2)
            {
                continue;
            }

            char second = nfd[^1];
            string first = nfd[..^1].Normalize(NormalizationForm.FormC);
            if (first.Length != 1)
            {
                continue;
            }

            _composesAfter[second] = _composesAfter.GetValueOrDefault(second, "") + first;
            if (IndicCombiningClass(script, second) == 0)
            {
                _flags[second] = MaybeAfter;
            }
        }
    }
}
