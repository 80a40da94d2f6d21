using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KannadaKit.Cli.IO;
using KannadaKit.Tokenizers;
using KannadaKit.Tokenizers.Training;

namespace KannadaKit.Cli.Commands;

/// <summary><c>kannadakit tokenizer train|encode|decode|stats</c>: tokenizer.json and SentencePiece models.</summary>
internal static class TokenizerCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("tokenizer", "Train, run and measure subword tokenizers (HF tokenizer.json or SentencePiece .model)")
        {
            Train(context), Encode(context), Decode(context), Stats(context),
        };
        return command;
    }

    private static Option<string> TokenizerOption() => new("--tokenizer", "-t")
    {
        Description = "tokenizer.json (Hugging Face) or .model (SentencePiece) file",
        Required = true,
    };

    private static Argument<string[]> FilesArgument(string what) => new("files")
    {
        Description = what + "; none or - reads standard input",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static Tokenizer Load(string path)
    {
        try
        {
            return TokenizerFile.Load(path);
        }
        catch (TokenizerFormatException e)
        {
            throw new CliException(e.Message);
        }
    }

    private static Command Train(CliContext context)
    {
        var type = new Option<string>("--type")
        {
            Description = "bpe (characters + byte fallback), bytelevel-bpe, unigram or wordpiece",
            Required = true,
        };
        type.AcceptOnlyFromAmong("bpe", "bytelevel-bpe", "unigram", "wordpiece");
        var vocab = new Option<int>("--vocab-size") { Description = "Vocabulary size, special tokens included", DefaultValueFactory = _ => 32_000 };
        var minFrequency = new Option<int>("--min-frequency") { Description = "Ignore pairs/pieces seen fewer times", DefaultValueFactory = _ => 2 };
        var allowSplits = new Option<bool>("--allow-akshara-splits")
        {
            Description = "Do not build aksharas first: tokens may then end inside an akshara",
        };
        var superwords = new Option<double>("--superword-share")
        {
            Description = "bytelevel-bpe: share of merges (0-0.5) that may join words into multi-word tokens, learned after all within-word merges",
        };
        var segmentation = new Option<string>("--segmentation")
        {
            Description = "bytelevel-bpe: merges (apply merges by rank, a BPE file) or shortest (fewest tokens over the same vocabulary, written as a Unigram file)",
            DefaultValueFactory = _ => "merges",
        };
        segmentation.AcceptOnlyFromAmong("merges", "shortest");
        var noPrefix = new Option<bool>("--no-prefix-space")
        {
            Description = "Do not put a space before each input (the first word of a line then gets other tokens than the same word elsewhere)",
        };
        var collapse = new Option<bool>("--collapse-whitespace")
        {
            Description = "Drop white space at both ends and shrink runs of spaces to one, as SentencePiece does (lossy: decoding gives the shrunk text)",
        };
        var specials = new Option<string[]>("--special-tokens")
        {
            Description = "Special tokens (first ids, in order); the default depends on --type",
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string>("--output", "-o") { Description = "tokenizer.json to write (atomically)", Required = true };
        var corpus = new Argument<string[]>("corpus") { Description = "Training text files (UTF-8, one sentence per line)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("train", "Train a Kannada-aware tokenizer and write it as tokenizer.json")
        {
            type, vocab, minFrequency, allowSplits, superwords, segmentation, noPrefix, collapse, specials, output, corpus,
        };
        command.SetAction(parse => context.Run(() =>
        {
            var inputs = TextLines.Inputs(parse.GetValue(corpus));
            OutputGuard.RefuseInputs("-o", parse.GetValue(output), inputs.Where(i => i.FullPath is not null).Select(i => (i.Name, i.FullPath!)));
            var size = parse.GetValue(vocab);
            if (size < 300)
            {
                throw new CliException($"--vocab-size {size} is too small: it must leave room for the base alphabet (at least 300)");
            }

            var share = parse.GetValue(superwords);
            if (share is < 0 or > 0.5)
            {
                throw new CliException($"--superword-share {share.ToString(CultureInfo.InvariantCulture)} is out of range (expected 0 to 0.5)");
            }

            if (share > 0 && parse.GetValue(type) != "bytelevel-bpe")
            {
                throw new CliException("--superword-share applies to --type bytelevel-bpe only");
            }

            var shortest = parse.GetValue(segmentation) == "shortest";
            if (shortest && parse.GetValue(type) != "bytelevel-bpe")
            {
                throw new CliException("--segmentation shortest applies to --type bytelevel-bpe only");
            }

            var options = new TrainerOptions
            {
                SuperwordShare = share,
                Segmentation = shortest ? TokenSegmentation.Shortest : TokenSegmentation.Merges,
                PrefixSpace = !parse.GetValue(noPrefix),
                CollapseWhitespace = parse.GetValue(collapse),
                Kind = parse.GetValue(type) switch
                {
                    "bpe" => TokenizerKind.Bpe,
                    "bytelevel-bpe" => TokenizerKind.ByteLevelBpe,
                    "unigram" => TokenizerKind.Unigram,
                    _ => TokenizerKind.WordPiece,
                },
                VocabSize = size,
                MinFrequency = parse.GetValue(minFrequency),
                KeepAksharas = !parse.GetValue(allowSplits),
                SpecialTokens = parse.GetValue(specials) is { Length: > 0 } s ? s : null,
            };
            var sw = Stopwatch.StartNew();
            // Files are streamed (read again for each pass the trainer makes); standard input can be read once only.
            var lines = inputs.Any(i => i.FullPath is null)
                ? inputs.SelectMany(i => TextLines.Read(i)).ToList()
                : inputs.SelectMany(i => TextLines.Read(i));
            var lineCount = 0L;
            var firstPass = true;
            IEnumerable<string> Counted()
            {
                foreach (var line in lines)
                {
                    lineCount += firstPass ? 1 : 0;
                    yield return line;
                }
                firstPass = false;
            }
            var progress = context.Verbose ? new Progress<string>(m => context.Error.WriteLine("kannadakit: " + m)) : null;
            string json;
            try
            {
                json = TokenizerTrainer.Train(Counted(), options, progress);
            }
            catch (TokenizerException e)
            {
                throw new CliException($"{string.Join(", ", inputs.Select(i => i.DisplayName))}: {e.Message}");
            }
            var path = parse.GetValue(output)!;
            using (var atomic = AtomicOutput.Create(path, path))
            {
                var bytes = new UTF8Encoding(false).GetBytes(json);
                atomic.Stream.Write(bytes);
                atomic.Commit();
            }

            var trained = HfTokenizer.FromFile(path);
            context.Error.WriteLine($"kannadakit: trained {parse.GetValue(type)} ({trained.VocabularySize:N0} tokens) on {lineCount:N0} lines in {sw.Elapsed.TotalSeconds:F1} s; wrote {path}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Encode(CliContext context)
    {
        var tokenizer = TokenizerOption();
        var specials = new Option<string>("--special-tokens")
        {
            Description = "on: add the post-processor's special tokens (as the HF library does by default); off: content only",
            DefaultValueFactory = _ => "on",
        };
        specials.AcceptOnlyFromAmong("on", "off");
        var format = new Option<string>("--format")
        {
            Description = "ids (space-separated), tokens (space-separated), or jsonl (ids, tokens, code-point offsets)",
            DefaultValueFactory = _ => "ids",
        };
        format.AcceptOnlyFromAmong("ids", "tokens", "jsonl");
        var files = FilesArgument("Text to encode, one sequence per line");
        var command = new Command("encode", "Encode each input line; writes exactly one output line per input line")
        {
            tokenizer, specials, format, files,
        };
        command.SetAction(parse => context.Run(() =>
        {
            var tok = Load(parse.GetValue(tokenizer)!);
            var inputs = TextLines.Inputs(parse.GetValue(files));
            var add = parse.GetValue(specials) == "on";
            var fmt = parse.GetValue(format)!;
            using var o = context.OpenOutput();
            foreach (var input in inputs)
                WriteEncoded(tok, TextLines.Read(input), add, fmt, o);
            o.Flush();
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>One output line per input line, as <c>tokenizer encode</c> writes it (cluster shards too).</summary>
    internal static void WriteEncoded(Tokenizer tok, IEnumerable<string> lines, bool add, string fmt, TextWriter o)
    {
        var ids = new List<int>();
        foreach (var line in lines)
        {
            if (fmt == "ids")
            {
                ids.Clear();
                tok.EncodeToIds(line, ids, add);
                for (var i = 0; i < ids.Count; i++)
                {
                    if (i > 0)
                    {
                        o.Write(' ');
                    }

                    o.Write(ids[i].ToString(CultureInfo.InvariantCulture));
                }

                o.WriteLine();
                continue;
            }

            var e = tok.Encode(line, add);
            if (fmt == "tokens")
            {
                o.WriteLine(string.Join(' ', e.Tokens));
                continue;
            }

            var cp = CodePointIndex(line);
            o.WriteLine(JsonSerializer.Serialize(new
            {
                ids = e.Ids,
                tokens = e.Tokens,
                offsets = e.Offsets.Select(x => new[] { cp[x.Start], cp[x.End] }),
            }, JsonOptions));
        }
    }

    /// <summary>Loads a tokenizer file with the command's one-line error.</summary>
    internal static Tokenizer LoadTokenizer(string path) => Load(path);

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static int[] CodePointIndex(string line)
    {
        var map = new int[line.Length + 1];
        var cp = 0;
        for (var i = 0; i < line.Length; i++)
        {
            map[i] = cp;
            if (!char.IsHighSurrogate(line[i]) || i + 1 >= line.Length || !char.IsLowSurrogate(line[i + 1]))
            {
                cp++;
            }
        }

        map[line.Length] = cp;
        return map;
    }

    private static Command Decode(CliContext context)
    {
        var tokenizer = TokenizerOption();
        var keep = new Option<bool>("--keep-special-tokens") { Description = "Keep special tokens in the text" };
        var files = FilesArgument("Lines of space-separated ids");
        var command = new Command("decode", "Decode lines of ids back to text, one output line per input line")
        {
            tokenizer, keep, files,
        };
        command.SetAction(parse => context.Run(() =>
        {
            var tok = Load(parse.GetValue(tokenizer)!);
            var inputs = TextLines.Inputs(parse.GetValue(files));
            var skip = !parse.GetValue(keep);
            using var o = context.OpenOutput();
            foreach (var input in inputs)
            {
                var lineNo = 0;
                foreach (var line in TextLines.Read(input))
                {
                    lineNo++;
                    var ids = new List<int>();
                    foreach (var part in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id >= tok.VocabularySize)
                        {
                            throw new CliException($"{input.DisplayName}:{lineNo}: \"{part}\" is not a token id (expected an integer from 0 to {tok.VocabularySize - 1})");
                        }

                        ids.Add(id);
                    }

                    o.WriteLine(tok.Decode(ids, skip));
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Stats(CliContext context)
    {
        var tokenizer = TokenizerOption();
        var files = FilesArgument("Corpus, one sentence per line");
        var command = new Command("stats", "Tokens per word, characters per token, aksharas split across tokens and the unknown rate on a corpus")
        {
            tokenizer, files,
        };
        command.SetAction(parse => context.Run(() =>
        {
            var path = parse.GetValue(tokenizer)!;
            var tok = Load(path);
            var stats = new TokenizerStatistics();
            foreach (var input in TextLines.Inputs(parse.GetValue(files)))
            {
                foreach (var line in TextLines.Read(input))
                {
                    stats.Add(tok, line);
                }
            }

            var o = context.Out;
            o.WriteLine($"tokenizer            {path} ({tok.VocabularySize:N0} ids)");
            o.WriteLine($"lines                {stats.Lines:N0}");
            o.WriteLine($"words                {stats.Words:N0}");
            o.WriteLine($"tokens               {stats.Tokens:N0}");
            o.WriteLine($"tokens per word      {stats.TokensPerWord:F3}");
            o.WriteLine($"characters per token {stats.CharactersPerToken:F3}");
            o.WriteLine($"aksharas split       {stats.SplitAksharaRate:P2} ({stats.SplitAksharas:N0} of {stats.Aksharas:N0})");
            o.WriteLine($"unknown tokens       {stats.UnknownRate:P3} ({stats.UnknownTokens:N0})");
            return ExitCodes.Success;
        }));
        return command;
    }
}
