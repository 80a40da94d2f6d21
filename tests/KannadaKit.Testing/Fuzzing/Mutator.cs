using System.Text;

namespace KannadaKit.Testing.Fuzzing;

/// <summary>
/// Random edits of a valid input, deterministic for a seed: byte edits (flips, boundary integers, cuts, repeats) for
/// every format, and for text also token edits that keep it nearly well-formed, so the parser gets past its first
/// check (numbers replaced by extremes, strings by hostile ones, structure characters inserted).
/// </summary>
public sealed class Mutator(int seed)
{
    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0xC0, 0xED, (byte)'"', (byte)'\\', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)',', (byte)':'];
    private static readonly uint[] InterestingInts = [0, 1, 0x7F, 0x80, 0xFF, 0xFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFE, 16_777_216];

    private static readonly string[] TextTokens =
    [
        "-1", "0", "2147483647", "2147483648", "-2147483649", "16777216", "1e308", "1e400", "-0", "0.5", "NaN", "null", "true", "[]", "{}",
        "\"\"", "\"\\ud800\"", "\"\\u0000\"", "\"ಕನ್ನಡ\"", "\"(a+)+$\"", "\"[\"", "\"\\\\\"", "\"▁\"",
        "{%", "%}", "{{", "}}", "{#", "#}", "{% if", "{% endif %}", "{% for x in", "{% endfor %}", "{% set x =", "{% macro m(a) %}", "{% endmacro %}",
        "range(1000000)", "range(", "(", ")", "[", "]", "|", "~", "%", "//", "**", "loop.index", "messages", "raise_exception(", "'", "\\",
    ];

    private readonly Random _random = new(seed);

    public byte[] Mutate(byte[] input, bool isText)
    {
        var data = new List<byte>(input);
        var edits = 1 + _random.Next(4);
        for (var i = 0; i < edits; i++)
        {
            if (isText && _random.Next(2) == 0)
            {
                data = new List<byte>(Encoding.UTF8.GetBytes(MutateText(Encoding.UTF8.GetString([.. data]))));
            }
            else
            {
                MutateBytes(data);
            }
        }

        return [.. data];
    }

    private void MutateBytes(List<byte> data)
    {
        if (data.Count == 0)
        {
            data.Add(InterestingBytes[_random.Next(InterestingBytes.Length)]);
            return;
        }

        var at = _random.Next(data.Count);
        switch (_random.Next(8))
        {
            case 0:
                data[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1:
                data[at] = InterestingBytes[_random.Next(InterestingBytes.Length)];
                break;
            case 2:
                var v = InterestingInts[_random.Next(InterestingInts.Length)];
                for (var k = 0; k < 4 && at + k < data.Count; k++)
                {
                    data[at + k] = (byte)(v >> (8 * k));
                }

                break;
            case 3:
                data.RemoveRange(at, Math.Min(data.Count - at, 1 + _random.Next(64)));
                break;
            case 4:
                var length = Math.Min(data.Count - at, 1 + _random.Next(256));
                var copy = data.GetRange(at, length);
                var times = 1 + _random.Next(8);
                for (var t = 0; t < times; t++)
                {
                    data.InsertRange(at, copy);
                }

                break;
            case 5:
                data.RemoveRange(at, data.Count - at);
                break;
            case 6:
                data.Insert(at, (byte)_random.Next(256));
                break;
            default:
                // A varint-looking run: protobuf lengths and tags.
                data.InsertRange(at, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]);
                break;
        }
    }

    private string MutateText(string text)
    {
        if (text.Length == 0)
        {
            return TextTokens[_random.Next(TextTokens.Length)];
        }

        var at = _random.Next(text.Length);
        switch (_random.Next(4))
        {
            case 0:
                // Replace a number with an extreme one.
                var start = FindDigit(text, at);
                if (start < 0)
                {
                    goto default;
                }

                var end = start;
                while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or 'e' or 'E' or '-' or '+'))
                {
                    end++;
                }

                return string.Concat(text.AsSpan(0, start), TextTokens[_random.Next(12)], text.AsSpan(end));
            case 1:
                // Replace a string literal's contents.
                var quote = text.IndexOf('"', at);
                var close = quote < 0 ? -1 : text.IndexOf('"', quote + 1);
                if (close < 0)
                {
                    goto default;
                }

                return string.Concat(text.AsSpan(0, quote), TextTokens[15 + _random.Next(8)], text.AsSpan(close + 1));
            case 2:
                // Repeat a slice many times (deep nesting, long lists).
                var length = Math.Min(text.Length - at, 1 + _random.Next(40));
                var slice = text.Substring(at, length);
                return text.Insert(at, string.Concat(Enumerable.Repeat(slice, 1 + _random.Next(300))));
            default:
                return text.Insert(at, TextTokens[_random.Next(TextTokens.Length)]);
        }
    }

    private static int FindDigit(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
