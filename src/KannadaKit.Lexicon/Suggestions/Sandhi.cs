namespace KannadaKit.Lexicon.Suggestions;

/// <summary>Joining a native root and a suffix or second word the way Kannada spelling does.</summary>
internal static class Sandhi
{
    /// <summary>
    /// Root + part. A part starting with ಅ takes the root's last consonant when the root ends in -ಉ (ಸೊಲ್ಲು + ಅರಿಮೆ →
    /// ಸೊಲ್ಲರಿಮೆ) or a virama, a ಯ glide after -ಇ/-ಎ (ನುಡಿ + ಅರಿಮೆ → ನುಡಿಯರಿಮೆ) and a ವ glide after -ಅ and long vowels;
    /// a part starting with a consonant is written on (ಉರಿ + ಬೆಟ್ಟ → ಉರಿಬೆಟ್ಟ).
    /// </summary>
    public static string Join(string root, string part)
    {
        if (root.Length == 0 || part.Length == 0)
            return root + part;
        if (part[0] != 'ಅ')
            return root + part;
        string rest = part[1..];
        char last = root[^1];
        if (last is '\u0CC1' or '\u0CCD')
            return root[..^1] + rest;
        if (last is '\u0CBF' or '\u0CC0' or '\u0CC6' or '\u0CC7' or '\u0CC8')
            return root + "ಯ" + rest;
        return root + "ವ" + rest;
    }
}
