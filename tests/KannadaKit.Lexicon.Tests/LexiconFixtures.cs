using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Store;

namespace KannadaKit.Lexicon.Tests;

/// <summary>Small lexicons of real words for store and search tests.</summary>
internal static class LexiconFixtures
{
    public static readonly Provenance Dictionary = new("test-dict", "CC0", "fixture");
    public static readonly Provenance Corpus = new("corpus:test", "CC0", "fixture");

    public static LexiconEntry Word(string headword, string pos, string gloss, long frequency = 0, string? example = null) =>
        new(headword)
        {
            Senses = gloss.Length == 0 ? [] : [new Sense(pos, gloss, "", "", Dictionary)],
            Frequencies = frequency > 0 ? [new Frequency(frequency, Corpus)] : [],
            Examples = example is null ? [] : [new UsageExample(example, "", Corpus)],
        };

    public static IEnumerable<LexiconEntry> Common() =>
    [
        Word("ಕನ್ನಡ", "proper noun", "Kannada", 5000, "ಕನ್ನಡ ನಮ್ಮ ಭಾಷೆ."),
        Word("ಕನ್ನಡಿ", "noun", "mirror", 300),
        Word("ಕನ್ನಡಕ", "noun", "spectacles", 120),
        Word("ಕನ್ನಡಿಗ", "noun", "Kannadiga, a Kannada speaker", 900),
        Word("ಭಾಷೆ", "noun", "language", 2500, "ಭಾಷೆ ಬದಲಾಗುತ್ತದೆ."),
        Word("ನುಡಿ", "noun", "speech, language", 400),
        Word("ಮನೆ", "noun", "house, home", 3000, "ಅವನು ಮನೆಗೆ ಬಂದನು."),
        Word("ಮರ", "noun", "tree", 1500),
        Word("ಮಾಡು", "verb", "to do, to make", 4000),
        Word("ಬರೆ", "verb", "to write", 800),
        Word("ಭಾರತ", "proper noun", "India", 4500),
        Word("ಪುಸ್ತಕ", "noun", "book", 1200),
        Word("ಶಾಲೆ", "noun", "school", 1100),
        Word("ನೀರು", "noun", "water", 2000),
        Word("ಹುಡುಗ", "noun", "boy", 700),
    ];

    public static LexiconStore Build(string path, IEnumerable<LexiconEntry>? entries = null)
    {
        var store = LexiconStore.Open(path, create: true);
        store.Import(Dictionary, entries ?? Common());
        return store;
    }
}
