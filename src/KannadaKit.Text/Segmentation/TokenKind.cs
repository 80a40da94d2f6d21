namespace KannadaKit.Text.Segmentation;

/// <summary>What a word-level token is.</summary>
public enum TokenKind
{
    /// <summary>Letters with their marks and joiners (ಕನ್ನಡ, mp3, don't).</summary>
    Word,

    /// <summary>A number in any script's digits: 2024, ೩.೧೪, 1,00,000, 10:30, 12.05.2024, 12/05/2024, 2024-05-12.</summary>
    Number,

    /// <summary>A number with a case or ordinal suffix kept whole (೨೦೨೪ರಲ್ಲಿ, 10:30ಕ್ಕೆ, 1st).</summary>
    NumberWithSuffix,

    /// <summary>The suffix split off a number when <see cref="WordTokenizerOptions.SplitNumberSuffixes"/> is on.</summary>
    Suffix,

    /// <summary>A web address (http://…, https://…, www.…).</summary>
    Url,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A social-media handle (@name).</summary>
    Handle,

    /// <summary>A hashtag (#ಕನ್ನಡ).</summary>
    Hashtag,

    /// <summary>One punctuation mark, or a run of full stops (...).</summary>
    Punctuation,

    /// <summary>A symbol (₹, %, +, emoji).</summary>
    Symbol,
}
