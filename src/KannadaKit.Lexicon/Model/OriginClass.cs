namespace KannadaKit.Lexicon.Model;

/// <summary>Where a Kannada word comes from, in the classes Bhat's method cares about.</summary>
public enum OriginClass
{
    /// <summary>No evidence either way.</summary>
    Unknown = 0,

    /// <summary>Native Kannada (ಅಚ್ಚಗನ್ನಡ), from a Dravidian root.</summary>
    Native,

    /// <summary>Sanskrit taken over unchanged (ತತ್ಸಮ).</summary>
    Tatsama,

    /// <summary>Sanskrit or Prakrit reshaped to Kannada sounds (ತದ್ಭವ).</summary>
    Tadbhava,

    /// <summary>Persian, Arabic or Hindustani.</summary>
    PersoArabic,

    /// <summary>English.</summary>
    English,

    /// <summary>Another language (Portuguese, Marathi, Tamil…).</summary>
    Other,
}
