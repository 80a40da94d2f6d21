using System.Text;
using KannadaKit.Text.Scripts;

namespace KannadaKit.Lexicon.Ellara;

/// <summary>
/// Writes Kannada the ಹೊಸಬರಹ way, by D. N. Shankara Bhat's seven changes (<see cref="EllaraChange"/>), each switchable,
/// and reports every edit with its place in the input. One left-to-right pass over the NFC text; the output contains
/// nothing a change would alter again, so respelling is idempotent. Words in <see cref="EllaraOptions.ExemptWords"/>
/// (names) are copied as they are; anything that is not Kannada passes through. Immutable and thread-safe.
/// </summary>
public sealed class EllaraRespeller
{
    private const char Virama = '\u0CCD';
    private const char Nukta = '\u0CBC';
    private const char Zwj = '\u200D';
    private readonly EllaraOptions _options;

    /// <summary>A respeller with <paramref name="options"/> (all seven changes by default).</summary>
    public EllaraRespeller(EllaraOptions? options = null) => _options = options ?? EllaraOptions.Default;

    /// <summary>The respelled text alone.</summary>
    public string Respell(string text) => Explain(text).Text;

    /// <summary>The respelled text with its edits.</summary>
    public EllaraResult Explain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Explain(text.AsSpan());
    }

    /// <summary>The respelled text with its edits; offsets are into the NFC form of <paramref name="text"/>.</summary>
    public EllaraResult Explain(ReadOnlySpan<char> text)
    {
        string s = text.IsNormalized(NormalizationForm.FormC) ? text.ToString() : text.ToString().Normalize(NormalizationForm.FormC);
        var o = new StringBuilder(s.Length + 8);
        var edits = new List<EllaraEdit>();
        int i = 0;
        while (i < s.Length)
        {
            if (WordCharacters.IsWordChar(s[i]))
            {
                int end = i;
                while (end < s.Length && WordCharacters.IsWordChar(s[end]))
                {
                    end++;
                }

                if (_options.ExemptWords.Count > 0 && _options.ExemptWords.Contains(s[i..end]))
                {
                    o.Append(s, i, end - i);
                }
                else
                {
                    Word(s, i, end, o, edits);
                }

                i = end;
            }
            else
            {
                o.Append(s[i]);
                i++;
            }
        }

        return new EllaraResult(o.ToString(), s, edits);
    }

    private bool On(EllaraChange c) => _options.Changes.Contains(c);

    private void Word(string s, int from, int end, StringBuilder o, List<EllaraEdit> edits)
    {
        int i = from;
        while (i < end)
        {
            char c = s[i];
            char next = i + 1 < end ? s[i + 1] : '\0';
            char afterNext = i + 2 < end ? s[i + 2] : '\0';
            string? replacement = null;
            int length = 1;
            var change = EllaraChange.Aspirates;
            if (c == '\u0C83' && On(EllaraChange.Visarga))
            {
                // Before a consonant the visarga doubles it (an aspirate doubles as its plain stop: ದುಃಖ is ದುಕ್ಖ).
                change = EllaraChange.Visarga;
                if (IsConsonant(next))
                {
                    char doubled = IsAspirate(next) ? (char)(next - 1) : next;
                    if (doubled == '\u0CB7' && On(EllaraChange.Ssa))
                    {
                        doubled = '\u0CB6';
                    }

                    // A doubled ರ opens a cluster like any arkavottu (ಪುನಃರಚನೆ → ಪುನರ‍್ರಚನೆ).
                    replacement = doubled == '\u0CB0' && On(EllaraChange.Arkavottu) ? $"\u0CB0{Zwj}{Virama}" : $"{doubled}{Virama}";
                }
                else
                {
                    replacement = "\u0CB9";
                }
            }
            else if (IsAspirate(c) && next != Nukta && On(EllaraChange.Aspirates))
            {
                replacement = ((char)(c - 1)).ToString(); // each aspirate follows its plain stop in Unicode
            }
            else if (c == '\u0CB7' && On(EllaraChange.Ssa))
            {
                change = EllaraChange.Ssa;
                replacement = "\u0CB6";
            }
            else if (c is '\u0C99' or '\u0C9E' && On(EllaraChange.VelarPalatalNasals))
            {
                change = EllaraChange.VelarPalatalNasals;
                if (next == Virama && IsConsonant(afterNext))
                {
                    replacement = "\u0C82"; // the anusvara before a consonant: ಪಞ್ಚ → ಪಂಚ
                    length = 2;
                }
                else
                {
                    replacement = "\u0CA8"; // ಜ್ಞ → ಜ್ನ, and ಞ or ಙ before a vowel
                }
            }
            else if (c is '\u0C8B' or '\u0CE0' or '\u0CC3' or '\u0CC4' && On(EllaraChange.VocalicR))
            {
                change = EllaraChange.VocalicR;
                replacement = c switch
                {
                    '\u0C8B' => "\u0CB0\u0CC1",          // ಋ → ರು
                    '\u0CE0' => "\u0CB0\u0CC2",          // ೠ → ರೂ
                    '\u0CC3' => $"{Virama}\u0CB0\u0CC1", // ಕೃ → ಕ್ರು
                    _ => $"{Virama}\u0CB0\u0CC2",         // ಕೄ → ಕ್ರೂ
                };
            }
            else if (c is '\u0C90' or '\u0C94' or '\u0CC8' or '\u0CCC' && On(EllaraChange.Diphthongs))
            {
                change = EllaraChange.Diphthongs;
                replacement = c switch
                {
                    '\u0C90' => "\u0C85\u0CAF\u0CCD", // ಐ → ಅಯ್
                    '\u0C94' => "\u0C85\u0CB5\u0CCD", // ಔ → ಅವ್
                    '\u0CC8' => "\u0CAF\u0CCD",       // ಕೈ → ಕಯ್
                    _ => "\u0CB5\u0CCD",              // ಮೌ → ಮವ್
                };
            }
            else if (c == '\u0CB0' && next == Virama && IsConsonant(afterNext) && (i == from || s[i - 1] != Virama) && On(EllaraChange.Arkavottu))
            {
                // A ರ that opens a cluster (the arkavottu), not one that closes it (ಕ್ರ).
                change = EllaraChange.Arkavottu;
                replacement = $"\u0CB0{Zwj}{Virama}";
                length = 2;
            }

            if (replacement is null)
            {
                o.Append(c);
                i++;
                continue;
            }

            edits.Add(new EllaraEdit(change, i, length, s.Substring(i, length), replacement));
            o.Append(replacement);
            i += length;
        }
    }

    private static bool IsConsonant(char c) => c is >= '\u0C95' and <= '\u0CB9' || c == '\u0CDE';

    private static bool IsAspirate(char c) => c is '\u0C96' or '\u0C98' or '\u0C9B' or '\u0C9D' or '\u0CA0' or '\u0CA2' or '\u0CA5' or '\u0CA7' or '\u0CAB' or '\u0CAD';
}
