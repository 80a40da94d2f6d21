using KannadaKit.Text.Scripts;
namespace KannadaKit.Text.Normalization.Rules;

/// <summary>Code points the rules talk about, named once.</summary>
internal static class CharNames
{
    public const char Zwnj = WordCharacters.Zwnj;
    public const char Zwj = WordCharacters.Zwj;
    public const char Zwsp = '\u200B';
    public const char Nbsp = '\u00A0';
    public const char SoftHyphen = '\u00AD';
    public const char WordJoiner = '\u2060';
    public const char Bom = '\uFEFF';
    public const char NonCharacterFffe = '\uFFFE';
    public const char Danda = '\u0964';
    public const char DoubleDanda = '\u0965';

    public static bool IsJoiner(char c) => c is Zwj or Zwnj;

    /// <summary>Space separators (Zs) folded to U+0020 by the whitespace rule, and U+0020 itself.</summary>
    public static bool IsSpaceLike(char c) =>
        c == ' ' || c == Nbsp || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u205F' || c == '\u3000';
}
