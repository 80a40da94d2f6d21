namespace KannadaKit.Lexicon.Morphology;

/// <summary>The regular inflection classes covered, named after the lemma's ending.</summary>
public enum Paradigm
{
    /// <summary>Nouns in -ಎ/-ಇ/-ಈ/-ಏ (ಮನೆ, ಗಿಣಿ): ಯ glide before vowels.</summary>
    NounFrontVowel,

    /// <summary>Nouns in -ಉ (ಊರು, ಹಲ್ಲು) and consonant-final loans (ಕಾರ್): -ಉ drops, ಇನ augment.</summary>
    NounU,

    /// <summary>Non-human nouns in -ಅ (ಮರ): ವ/ದ augment, dative -ಕ್ಕೆ.</summary>
    NounANeuter,

    /// <summary>Human nouns in -ಅ (ಹುಡುಗ, ಅಮ್ಮ): ನ augment, plural -ರು.</summary>
    NounAHuman,

    /// <summary>Nouns in -ಆ/-ಊ/-ಓ (ಹೂ): ವ glide.</summary>
    NounLongVowel,

    /// <summary>Verbs in -ಉ (ಮಾಡು, ಓದು): past in -ಇದ.</summary>
    VerbU,

    /// <summary>Verbs in -ಎ/-ಇ (ಬರೆ, ಉರಿ): ಯ glide, past in -ದ.</summary>
    VerbFrontVowel,
}
