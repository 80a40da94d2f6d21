namespace KannadaKit.Lexicon.Morphology;

/// <summary>Names and descriptions of <see cref="Paradigm"/> values for tables and JSON.</summary>
public static class Paradigms
{
    /// <summary>The stable name.</summary>
    public static string Name(Paradigm p) => p switch
    {
        Paradigm.NounFrontVowel => "noun-e-i",
        Paradigm.NounU => "noun-u",
        Paradigm.NounANeuter => "noun-a-neuter",
        Paradigm.NounAHuman => "noun-a-human",
        Paradigm.NounLongVowel => "noun-long-vowel",
        Paradigm.VerbU => "verb-u",
        _ => "verb-e-i",
    };

    /// <summary>A caption for people, with the model word.</summary>
    public static string Caption(Paradigm p) => p switch
    {
        Paradigm.NounFrontVowel => "noun in -ಎ/-ಇ (like ಮನೆ)",
        Paradigm.NounU => "noun in -ಉ (like ಊರು)",
        Paradigm.NounANeuter => "neuter noun in -ಅ (like ಮರ)",
        Paradigm.NounAHuman => "human noun in -ಅ (like ಹುಡುಗ)",
        Paradigm.NounLongVowel => "noun in a long vowel (like ಹೂ)",
        Paradigm.VerbU => "verb in -ಉ (like ಮಾಡು)",
        _ => "verb in -ಎ/-ಇ (like ಬರೆ)",
    };
}
