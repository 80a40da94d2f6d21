using System.CommandLine;
using System.Text;
using System.Text.Json;
using KannadaKit.Cli.IO;
using KannadaKit.Text.Segmentation;

namespace KannadaKit.Cli.Commands;

/// <summary><c>kannadakit segment</c>: aksharas, words or sentences, one per line or as JSON Lines with offsets.</summary>
internal static class SegmentCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Input files (plain or .gz); none or - reads standard input. Each line is segmented on its own",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var unit = new Option<string>("--unit", "-u")
        {
            Description = "akshara (orthographic syllables), word (tokens: words, numbers, URLs, punctuation) or sentence",
            DefaultValueFactory = _ => "word",
        };
        unit.AcceptOnlyFromAmong("akshara", "word", "sentence");
        var jsonl = new Option<bool>("--jsonl")
        {
            Description = "One JSON object per unit: line (1-based), start and end (code points within the line), text; words add kind",
        };
        var splitSuffixes = new Option<bool>("--split-number-suffixes")
        {
            Description = "Words: split a case suffix off a number (೨೦೨೪ರಲ್ಲಿ → ೨೦೨೪ ರಲ್ಲಿ) instead of keeping it whole",
        };
        var command = new Command("segment", "Cut text into aksharas, words or sentences; the text itself is never changed")
        {
            files, unit, jsonl, splitSuffixes,
        };
        command.SetAction(parse => context.Run(() =>
        {
            var inputs = TextLines.Inputs(parse.GetValue(files));
            using var o = context.OpenOutput();
            foreach (var input in inputs)
                Segment(TextLines.Read(input), 1, parse.GetValue(unit)!, parse.GetValue(jsonl), parse.GetValue(splitSuffixes), o);
            o.Flush();
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Segments <paramref name="lines"/>, numbered from <paramref name="firstLine"/> (a cluster shard's start).</summary>
    internal static void Segment(IEnumerable<string> lines, long firstLine, string unit, bool asJson, bool splitNumberSuffixes, StreamWriter o)
    {
        var words = new WordTokenizer(new WordTokenizerOptions { SplitNumberSuffixes = splitNumberSuffixes });
        long lineNo = firstLine - 1;
        foreach (string line in lines)
        {
            lineNo++;
            switch (unit)
            {
                case "akshara":
                    foreach (var s in Aksharas.Enumerate(line))
                        Emit(o, asJson, line, lineNo, s.Start, s.Length, null);
                    break;
                case "word":
                    foreach (var (kind, s) in words.Enumerate(line))
                        Emit(o, asJson, line, lineNo, s.Start, s.Length, kind);
                    break;
                default:
                    foreach (var s in SentenceSplitter.Default.Enumerate(line))
                        Emit(o, asJson, line, lineNo, s.Start, s.Length, null);
                    break;
            }
        }
    }

    private static void Emit(StreamWriter o, bool asJson, string line, long lineNo, int start, int length, TokenKind? kind)
    {
        var text = line.AsSpan(start, length);
        if (text.IsWhiteSpace())
            return; // spaces between units are not units
        if (!asJson)
        {
            o.Write(text);
            o.Write('\n');
            return;
        }
        var sb = new StringBuilder(64 + length);
        sb.Append("{\"line\":").Append(lineNo)
          .Append(",\"start\":").Append(CodePoints(line.AsSpan(0, start)))
          .Append(",\"end\":").Append(CodePoints(line.AsSpan(0, start + length)))
          .Append(",\"text\":").Append(JsonSerializer.Serialize(text.ToString(), JsonOptions));
        if (kind is { } k)
            sb.Append(",\"kind\":\"").Append(KindName(k)).Append('"');
        sb.Append('}');
        o.Write(sb);
        o.Write('\n');
    }

    private static readonly JsonSerializerOptions JsonOptions =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Offsets count code points, as Python's str indexing does; surrogate pairs count once.</summary>
    private static int CodePoints(ReadOnlySpan<char> s)
    {
        int n = s.Length;
        foreach (char c in s)
        {
            if (char.IsLowSurrogate(c))
                n--;
        }
        return n;
    }

    private static string KindName(TokenKind k) => k switch
    {
        TokenKind.Word => "word",
        TokenKind.Number => "number",
        TokenKind.NumberWithSuffix => "number+suffix",
        TokenKind.Suffix => "suffix",
        TokenKind.Url => "url",
        TokenKind.Email => "email",
        TokenKind.Handle => "handle",
        TokenKind.Hashtag => "hashtag",
        TokenKind.Punctuation => "punctuation",
        TokenKind.Symbol => "symbol",
        _ => k.ToString().ToLowerInvariant(),
    };
}
