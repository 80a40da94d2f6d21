namespace KannadaKit.Text.Transliteration.Romanized;

/// <summary>Packs up to four lower-case ASCII letters into an int (5 bits each), the key of the channel tables.</summary>
internal static class RomanChunk
{
    public const int MaxLength = 4;

    /// <summary>The code of <paramref name="chunk"/>, or -1 when it holds anything but a–z.</summary>
    public static int Encode(ReadOnlySpan<char> chunk)
    {
        if (chunk.Length > MaxLength)
            return -1;
        int code = 0;
        foreach (char c in chunk)
        {
            if (c is < 'a' or > 'z')
                return -1;
            code = (code << 5) | (c - 'a' + 1);
        }
        return code;
    }

    /// <summary>The chunk lengths a symbol of this kind may be written with.</summary>
    public static (int Min, int Max) Lengths(SymbolKind kind, bool inherentOrVirama) => kind switch
    {
        SymbolKind.Consonant => (1, 4),
        SymbolKind.VowelPart => inherentOrVirama ? (0, 2) : (1, 3),
        SymbolKind.Vowel => (1, 3),
        _ => (0, 2),
    };
}
