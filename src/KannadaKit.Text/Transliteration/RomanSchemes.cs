namespace KannadaKit.Text.Transliteration;

/// <summary>The deliberate ASCII and Latin schemes for Kannada: ISO 15919, ITRANS and the Baraha/Nudi phonetic one.</summary>
/// <remarks>
/// Each table is written from the scheme's published letter list. Spellings after the first are accepted when
/// reading and never written.
/// </remarks>
public static class RomanSchemes
{
    /// <summary>
    /// ISO 15919 (Latin with diacritics; ē/ō for the long vowels, e/o short; ':' separates letters that would otherwise
    /// read as one, as in a:i or k:h). Reading is case-insensitive.
    /// </summary>
    public static RomanScheme Iso15919 { get; } = new("iso15919", separator: ':', caseInsensitive: true,
    [
        V("ಅ", "", "a"), V("ಆ", "ಾ", "ā"), V("ಇ", "ಿ", "i"), V("ಈ", "ೀ", "ī"), V("ಉ", "ು", "u"),
            V("ಊ", "ೂ", "ū"), V("ಋ", "ೃ", "r̥"), V("ೠ", "ೄ", "r̥̄"), V("ಌ", "ೢ", "l̥"), V("ೡ", "ೣ", "l̥̄"),
            V("ಎ", "ೆ", "e"), V("ಏ", "ೇ", "ē"), V("ಐ", "ೈ", "ai"), V("ಒ", "ೊ", "o"), V("ಓ", "ೋ", "ō"),
            V("ಔ", "ೌ", "au"),
        C("ಕ", "k"), C("ಖ", "kh"), C("ಗ", "g"), C("ಘ", "gh"), C("ಙ", "ṅ"), C("ಚ", "c"), C("ಛ", "ch"),
            C("ಜ", "j"), C("ಝ", "jh"), C("ಞ", "ñ"), C("ಟ", "ṭ"), C("ಠ", "ṭh"), C("ಡ", "ḍ"), C("ಢ", "ḍh"),
            C("ಣ", "ṇ"), C("ತ", "t"), C("ಥ", "th"), C("ದ", "d"), C("ಧ", "dh"), C("ನ", "n"), C("ಪ", "p"),
            C("ಫ", "ph"), C("ಬ", "b"), C("ಭ", "bh"), C("ಮ", "m"), C("ಯ", "y"), C("ರ", "r"), C("ಱ", "ṟ"),
            C("ಲ", "l"), C("ಳ", "ḷ"), C("ೞ", "ḻ"), C("ವ", "v"), C("ಶ", "ś"), C("ಷ", "ṣ"), C("ಸ", "s"),
            C("ಹ", "h"), C("ಜ಼", "z"), C("ಫ಼", "f"),
        M("ಂ", "ṁ"), M("ಃ", "ḥ"), M("ಁ", "m̐"), M("ೱ", "ẖ"), M("ೲ", "ḫ"),
        .. Digits(),
    ]);

    /// <summary>
    /// ITRANS 5.3 with the Dravidian vowel letters (e/o short, E/O long); '_' separates letters that would otherwise
    /// read as one. Case-sensitive.
    /// </summary>
    public static RomanScheme Itrans { get; } = new("itrans", separator: '_', caseInsensitive: false,
    [
        V("ಅ", "", "a"), V("ಆ", "ಾ", "aa", "A"), V("ಇ", "ಿ", "i"), V("ಈ", "ೀ", "ii", "I"), V("ಉ", "ು", "u"),
            V("ಊ", "ೂ", "uu", "U"), V("ಋ", "ೃ", "RRi", "R^i"), V("ೠ", "ೄ", "RRI", "R^I"),
            V("ಌ", "ೢ", "LLi", "L^i"), V("ೡ", "ೣ", "LLI", "L^I"), V("ಎ", "ೆ", "e"), V("ಏ", "ೇ", "E"),
            V("ಐ", "ೈ", "ai"), V("ಒ", "ೊ", "o"), V("ಓ", "ೋ", "O"), V("ಔ", "ೌ", "au"),
        C("ಕ", "k"), C("ಖ", "kh"), C("ಗ", "g"), C("ಘ", "gh"), C("ಙ", "~N", "N^"), C("ಚ", "ch", "c"),
            C("ಛ", "Ch", "chh"), C("ಜ", "j"), C("ಝ", "jh"), C("ಞ", "~n", "JN"), C("ಟ", "T"), C("ಠ", "Th"),
            C("ಡ", "D"), C("ಢ", "Dh"), C("ಣ", "N"), C("ತ", "t"), C("ಥ", "th"), C("ದ", "d"), C("ಧ", "dh"),
            C("ನ", "n"), C("ಪ", "p"), C("ಫ", "ph"), C("ಬ", "b"), C("ಭ", "bh"), C("ಮ", "m"), C("ಯ", "y"),
            C("ರ", "r"), C("ಱ", "R"), C("ಲ", "l"), C("ಳ", "L"), C("ೞ", "zh"), C("ವ", "v", "w"), C("ಶ", "sh"),
            C("ಷ", "Sh", "shh"), C("ಸ", "s"), C("ಹ", "h"), C("ಜ಼", "z"), C("ಫ಼", "f"), C("ಕ್ಷ", "kSh", "x"),
            C("ಜ್ಞ", "j~n", "GY", "dny"),
        M("ಂ", "M", ".n", ".m"), M("ಃ", "H"), M("ಁ", ".N"),
        new RomanUnit(RomanUnitKind.Symbol, "ಽ", null, [".a"]),
        .. Digits(),
    ]);

    /// <summary>
    /// The Baraha phonetic scheme (also what Nudi's phonetic keyboard accepts): A/I/U/E/O for long vowels, capital
    /// retroflexes, ^ and ^^ for ZWJ and ZWNJ; '_' separates letters that would otherwise read as one. Case-sensitive.
    /// </summary>
    public static RomanScheme Baraha { get; } = new("baraha", separator: '_', caseInsensitive: false,
    [
        V("ಅ", "", "a"), V("ಆ", "ಾ", "A", "aa"), V("ಇ", "ಿ", "i"), V("ಈ", "ೀ", "I", "ee"), V("ಉ", "ು", "u"),
            V("ಊ", "ೂ", "U", "oo"), V("ಋ", "ೃ", "Ru"), V("ೠ", "ೄ", "RU"), V("ಎ", "ೆ", "e"), V("ಏ", "ೇ", "E"),
            V("ಐ", "ೈ", "ai"), V("ಒ", "ೊ", "o"), V("ಓ", "ೋ", "O"), V("ಔ", "ೌ", "au", "ou"),
        C("ಕ", "k"), C("ಖ", "kh", "K"), C("ಗ", "g"), C("ಘ", "gh", "G"), C("ಙ", "~g"), C("ಚ", "ch", "c"),
            C("ಛ", "Ch", "C"), C("ಜ", "j"), C("ಝ", "jh", "J"), C("ಞ", "~j"), C("ಟ", "T"), C("ಠ", "Th"),
            C("ಡ", "D"), C("ಢ", "Dh"), C("ಣ", "N"), C("ತ", "t"), C("ಥ", "th"), C("ದ", "d"), C("ಧ", "dh"),
            C("ನ", "n"), C("ಪ", "p"), C("ಫ", "ph", "P"), C("ಬ", "b"), C("ಭ", "bh", "B"), C("ಮ", "m"),
            C("ಯ", "y", "Y"), C("ರ", "r", "R"), C("ಱ", "rx"), C("ಲ", "l"), C("ವ", "v", "w"), C("ಶ", "sh", "S"),
            C("ಷ", "Sh"), C("ಸ", "s"), C("ಹ", "h", "~h"), C("ಳ", "L"), C("ೞ", "Lx"), C("ಜ಼", "z", "jx"),
            C("ಫ಼", "f", "Px"), C("ಕ್ಷ", "kSh"), C("ಜ್ಞ", "j~j"),
        M("ಂ", "M"), M("ಃ", "H"), M("ಁ", "~M"),
        new RomanUnit(RomanUnitKind.Symbol, "ಽ", null, ["&"]),
        new RomanUnit(RomanUnitKind.Symbol, "\u200D", null, ["^"]),
        new RomanUnit(RomanUnitKind.Symbol, "\u200C", null, ["^^"]),
        new RomanUnit(RomanUnitKind.Symbol, "।", null, ["|"]),
        new RomanUnit(RomanUnitKind.Symbol, "॥", null, ["||"]),
        .. Digits(),
    ]);

    /// <summary>All three, by name.</summary>
    public static IReadOnlyList<RomanScheme> All { get; } = [Iso15919, Itrans, Baraha];

    /// <summary>The scheme called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static RomanScheme? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    private static RomanUnit V(string letter, string sign, params string[] spellings) =>
        new(RomanUnitKind.Vowel, letter, sign, spellings);

    private static RomanUnit C(string letter, params string[] spellings) =>
        new(RomanUnitKind.Consonant, letter, null, spellings);

    private static RomanUnit M(string mark, params string[] spellings) =>
        new(RomanUnitKind.Mark, mark, null, spellings);

    private static IEnumerable<RomanUnit> Digits() =>
        Enumerable.Range(0, 10).Select(d =>
            new RomanUnit(RomanUnitKind.Digit, ((char)('೦' + d)).ToString(), null, [((char)('0' + d)).ToString()]));
}
