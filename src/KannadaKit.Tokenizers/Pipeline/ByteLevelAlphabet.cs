namespace KannadaKit.Tokenizers.Pipeline;

/// <summary>
/// GPT-2's printable stand-ins for bytes: '!'..'~', 0xA1..0xAC and 0xAE..0xFF stand for themselves; the other 68
/// bytes map to U+0100 onwards in byte order (space → 'Ġ', newline → 'Ċ').
/// </summary>
internal static class ByteLevelAlphabet
{
    private static readonly char[] s_byteToChar = Build();
    private static readonly Dictionary<char, byte> s_charToByte =
        Enumerable.Range(0, 256).ToDictionary(b => s_byteToChar[b], b => (byte)b);

    public static char CharOf(byte b) => s_byteToChar[b];

    public static bool TryGetByte(char c, out byte b) => s_charToByte.TryGetValue(c, out b);

    private static char[] Build()
    {
        var map = new char[256];
        var next = 0;
        for (var b = 0; b < 256; b++)
        {
            var self = b is >= 0x21 and <= 0x7E or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            map[b] = self ? (char)b : (char)(0x100 + next++);
        }

        return map;
    }
}
