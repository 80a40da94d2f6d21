namespace KannadaKit.Testing.Fuzzing;

/// <summary>What the fuzz targets encode once a mutated file loads: Kannada with joiners, vowel signs and digits,
/// English, and mixed lines.</summary>
public static class FuzzText
{
    public static readonly string[] Lines =
    [
        "ಕನ್ನಡ ಭಾಷೆಯ ಲಿಪಿ ಸುಂದರವಾಗಿದೆ.",
        "ಬಸ್‌ಸ್ಟಾಪ್ ಕಾರ‍್ಯಕ್ರಮ ೧೨೩ 2024ರಲ್ಲಿ",
        "Hello, ಜಗತ್ತು! It's 3:45 pm.",
        "  leading and trailing  \t\n",
        "",
    ];
}
