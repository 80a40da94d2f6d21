namespace KannadaKit.Lexicon.Ellara;

/// <summary>Bhat's seven ಹೊಸಬರಹ spelling changes (*ಕನ್ನಡಕ್ಕೆ ಮಹಾಪ್ರಾಣ ಯಾಕೆ ಬೇಡ?* §1.1, §2.6), in his order.</summary>
public enum EllaraChange
{
    /// <summary>1. The ten aspirates ಖ ಛ ಠ ಥ ಫ ಘ ಝ ಢ ಧ ಭ become ಕ ಚ ಟ ತ ಪ ಗ ಜ ಡ ದ ಬ (ಮುಖ್ಯ → ಮುಕ್ಯ).</summary>
    Aspirates = 1,

    /// <summary>2. ಙ and ಞ go: before a consonant the anusvara writes the nasal (ಪಞ್ಚ → ಪಂಚ); ಜ್ಞ is written ಜ್ನ.</summary>
    VelarPalatalNasals = 2,

    /// <summary>3. ಋ is written ರು (ಕೃತಿ → ಕ್ರುತಿ).</summary>
    VocalicR = 3,

    /// <summary>4. ಷ is written ಶ (ವಿಷ → ವಿಶ).</summary>
    Ssa = 4,

    /// <summary>5. The visarga becomes the doubled next consonant, or ಹ at the end of a word (ದುಃಖ → ದುಕ್ಕ, ಬಹುಶಃ → ಬಹುಶಹ).</summary>
    Visarga = 5,

    /// <summary>6. ಐ and ಔ are written ಅಯ್ and ಅವ್ (ಕೈ → ಕಯ್, ಮೌನ → ಮವ್ನ).</summary>
    Diphthongs = 6,

    /// <summary>7. The arkavottu is written as a full ರ್, in Unicode ರ + ZWJ + ್ (ತೀರ್ಮಾನ → ತೀರ‍್ಮಾನ).</summary>
    Arkavottu = 7,
}
