namespace KannadaKit.Text.Segmentation;

/// <summary>Words that take a full stop without ending a sentence, and words that continue reported speech.</summary>
internal static class KannadaAbbreviations
{
    /// <summary>
    /// Abbreviations that come before what they qualify (titles, currencies, eras, references): a full stop after them
    /// never ends a sentence. Written without the final full stop; dotted ones keep their inner dots.
    /// </summary>
    public static readonly string[] Prefixes =
    [
        "ಡಾ", "ಪ್ರೊ", "ಶ್ರೀ", "ಶ್ರೀಮತಿ", "ಕುಮಾರಿ", "ಶ್ರೀ.ಶ್ರೀ", "ಮ.ರಾ.ರಾ", "ರಾ.ರಾ", "ಸ್ವಾ", "ಪಂ", "ಮೇ.ಜ",
        "ರೂ", "ರು", "ಶೇ", "ಕ್ರಿ.ಶ", "ಕ್ರಿ.ಪೂ", "ಇ.ಸ", "ಶ.ಸ", "ಸಂ", "ಪುಟ", "ನಂ", "ಉದಾ", "ಅಧ್ಯಾ", "ಸಂಪು",
        "Dr", "Mr", "Mrs", "Ms", "Prof", "St", "Sr", "Jr", "vs", "e.g", "i.e", "No", "Rs", "Mt", "Fig", "Vol", "pp",
    ];

    /// <summary>
    /// Abbreviations that come after a number or a phrase (units, "and so on"): they can end a sentence, which a
    /// following sentence opener shows.
    /// </summary>
    public static readonly string[] Postfixes =
    [
        "ಕಿ.ಮೀ", "ಮೀ", "ಸೆಂ.ಮೀ", "ಮಿ.ಮೀ", "ಕಿ.ಗ್ರಾಂ", "ಗ್ರಾಂ", "ಕೆ.ಜಿ", "ಲೀ", "ಚ.ಕಿ.ಮೀ", "ಡಿ.ಸೆ", "ಇತ್ಯಾ", "ಭಾ", "ಪೈ",
        "etc", "Inc", "Ltd", "Co", "ed",
    ];

    /// <summary>
    /// Kannada initials are English letter names (ಯು.ಆರ್., ಎಸ್.ಎಲ್.) or native syllables (ದ.ರಾ., ಕು.ವೆಂ.ಪು); the letter
    /// names of two aksharas are listed, single aksharas are always taken as initials.
    /// </summary>
    public static readonly string[] LetterNames =
    [
        "ಎಫ್", "ಎಚ್", "ಹೆಚ್", "ಎಲ್", "ಎಂ", "ಎಮ್", "ಎನ್", "ಆರ್", "ಎಸ್", "ಕ್ಯೂ", "ಕ್ಯು", "ಡಬ್ಲ್ಯು", "ಡಬ್ಲ್ಯೂ", "ಎಕ್ಸ್", "ಝಡ್", "ಜೆಡ್", "ಜಡ್",
    ];

    /// <summary>Words that continue reported speech after a quoted question or exclamation: "ಏಕೆ?" ಎಂದು ಕೇಳಿದ.</summary>
    public static readonly string[] QuotativePrefixes = ["ಎಂದ", "ಎಂಬ", "ಎನ್ನ", "ಎಂದೇ", "ಅಂದರು", "ಅಂದನು", "ಅಂದಳು"];

    public static readonly string[] Quotatives = ["ಅಂತ", "ಅಂತಾ", "ಅಂತೆ"];

    /// <summary>
    /// Closed-class words that open sentences (demonstratives, pronouns, connectives) and are never part of a name: after
    /// an initial or abbreviation they show the full stop ended the sentence ("… ವೀಣಾ ಎಂ. ಈ ಚಿತ್ರವನ್ನು …").
    /// </summary>
    public static readonly string[] SentenceOpeners =
    [
        "ಈ", "ಆ", "ಇದು", "ಅದು", "ಇವು", "ಅವು", "ಇದರ", "ಅದರ", "ಇದನ್ನು", "ಅದನ್ನು", "ಇದೇ", "ಅದೇ", "ಇದರಲ್ಲಿ", "ಅದರಲ್ಲಿ",
        "ಇವರು", "ಅವರು", "ಇವರ", "ಅವರ", "ಇವನು", "ಅವನು", "ಇವಳು", "ಅವಳು", "ಇಲ್ಲಿ", "ಅಲ್ಲಿ", "ಈಗ", "ಆಗ",
        "ಆದರೆ", "ಆದ್ದರಿಂದ", "ಹಾಗಾಗಿ", "ಹೀಗೆ", "ಹಾಗೆಯೇ", "ಇದಲ್ಲದೆ", "ಅಲ್ಲದೆ", "ನಂತರ", "ಬಳಿಕ", "ಮುಂದೆ", "ಇದರಿಂದ", "ಅದರಿಂದ",
    ];
}
