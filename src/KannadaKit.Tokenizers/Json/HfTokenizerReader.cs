using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Decoders;
using Decoder = KannadaKit.Tokenizers.Decoders.Decoder;
using KannadaKit.Tokenizers.Models;
using KannadaKit.Tokenizers.Normalizers;
using KannadaKit.Tokenizers.Pipeline;
using KannadaKit.Tokenizers.PostProcessors;
using KannadaKit.Tokenizers.PreTokenizers;
using PreTok = KannadaKit.Tokenizers.PreTokenizers.PreTokenizer;

namespace KannadaKit.Tokenizers.Json;

/// <summary>Reads a Hugging Face tokenizer.json into our pipeline components, naming the JSON path of any problem.</summary>
internal static class HfTokenizerReader
{
    /// <summary>The largest id a vocabulary or added token may have: ids index flat tables, and one id of
    /// 2147483647 made an internal overflow (regression). Real vocabularies stay far below (Gemma 3: 262,144).</summary>
    internal const int MaxId = (1 << 24) - 1;

    public static HfTokenizer Read(ReadOnlySpan<byte> utf8Json, string file)
    {
        if (FirstInvalidUtf8(utf8Json) is { } bad)
        {
            throw new TokenizerFormatException(file, $"byte {bad}", "invalid UTF-8; expected a UTF-8 JSON file");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is long line ? $"line {line + 1}, byte {e.BytePositionInLine + 1}" : "$";
            throw new TokenizerFormatException(file, where, "not valid JSON (" + FirstSentence(e.Message) + ")");
        }

        using (doc)
        {
            var root = new JsonCursor(doc.RootElement, "$", file);
            if (root.Kind != JsonValueKind.Object)
            {
                throw root.Error("expected a tokenizer object at the top level");
            }

            var version = root.OptString("version");
            if (version is not null && version != "1.0")
            {
                throw root.Required("version").Error($"unsupported version \"{version}\" (expected \"1.0\")");
            }

            var model = ReadModel(root.Required("model"));
            var normalizer = root.Optional("normalizer") is { } n ? ReadNormalizer(n) : null;
            var added = root.Optional("added_tokens") is { } a ? ReadAddedTokens(a) : [];
            var preTokenizer = root.Optional("pre_tokenizer") is { } p ? ReadPreTokenizer(p) : null;
            var postProcessor = root.Optional("post_processor") is { } pp ? ReadPostProcessor(pp, added, model) : null;
            var decoder = root.Optional("decoder") is { } d ? ReadDecoder(d) : null;
            return new HfTokenizer(model, normalizer, preTokenizer, postProcessor, decoder, added, file);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? message.TrimEnd('.') : message[..cut];
    }

    private static string TypeOf(JsonCursor c) => c.Required("type").String();

    // ---- model ----
    private static TokenModel ReadModel(JsonCursor c)
    {
        var type = c.OptString("type");
        if (type is null)
        {
            // Old files omit the tag; the HF library tries BPE, WordPiece, WordLevel, Unigram in that order.
            type = c.Has("merges") ? "BPE" : c.Has("max_input_chars_per_word") || c.Has("continuing_subword_prefix") ? "WordPiece"
                : c.Required("vocab").Kind == JsonValueKind.Array ? "Unigram" : "WordLevel";
        }

        return type switch
        {
            "BPE" => ReadBpe(c),
            "Unigram" => ReadUnigram(c),
            "WordPiece" => new WordPieceModel(ReadVocabMap(c.Required("vocab")), c.OptString("unk_token") ?? "[UNK]",
                c.OptString("continuing_subword_prefix") ?? "##", c.OptInt("max_input_chars_per_word") ?? 100),
            "WordLevel" => new WordLevelModel(ReadVocabMap(c.Required("vocab")), c.OptString("unk_token") ?? "<unk>"),
            _ => throw c.Required("type").Error($"unknown model type \"{type}\" (expected BPE, Unigram, WordPiece or WordLevel)"),
        };
    }

    private static Dictionary<string, int> ReadVocabMap(JsonCursor c)
    {
        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, value) in c.Properties())
        {
            var id = value.Int();
            if (id is < 0 or > MaxId)
            {
                throw value.Error($"id {id} is out of range (expected 0 to {MaxId:N0})");
            }

            vocab[name] = id;
        }

        return vocab;
    }

    private static BpeModel ReadBpe(JsonCursor c)
    {
        var vocab = ReadVocabMap(c.Required("vocab"));
        var mergesCursor = c.Required("merges");
        var merges = new List<(string, string)>(mergesCursor.Count);
        var paths = new List<string>(mergesCursor.Count);
        foreach (var m in mergesCursor.Items())
        {
            if (m.Kind == JsonValueKind.String)
            {
                var s = m.String();
                if (s.StartsWith("#version", StringComparison.Ordinal))
                {
                    continue;
                }

                var parts = s.Split(' ');
                if (parts.Length != 2)
                {
                    throw m.Error($"merge \"{s}\" must be two tokens separated by one space");
                }

                merges.Add((parts[0], parts[1]));
            }
            else
            {
                var pair = m.Items().ToList();
                if (pair.Count != 2)
                {
                    throw m.Error($"merge must be a pair of tokens, found {pair.Count} items");
                }

                merges.Add((pair[0].String(), pair[1].String()));
            }

            paths.Add(m.Path);
        }

        if (c.Optional("dropout") is { } dropout && dropout.Double() > 0)
        {
            throw dropout.Error("BPE dropout is a training-time option; set it to null to run this tokenizer");
        }

        var options = new BpeOptions(c.OptString("unk_token"), c.OptString("continuing_subword_prefix"),
            c.OptString("end_of_word_suffix"), c.OptBool("fuse_unk", false), c.OptBool("byte_fallback", false),
            c.OptBool("ignore_merges", false));
        return new BpeModel(vocab, merges, options, (rank, token) =>
            new TokenizerFormatException(c.File, paths[rank], $"merge {rank} names \"{token}\", which is not in the vocabulary"));
    }

    private static UnigramModel ReadUnigram(JsonCursor c)
    {
        var vocab = new List<(string, double)>();
        foreach (var item in c.Required("vocab").Items())
        {
            var pair = item.Items().ToList();
            if (pair.Count != 2)
            {
                throw item.Error("expected [piece, score]");
            }

            vocab.Add((pair[0].String(), pair[1].Double()));
        }

        var unk = c.OptInt("unk_id");
        if (unk is { } u && (u < 0 || u >= vocab.Count))
        {
            throw c.Required("unk_id").Error($"unk_id {u} is outside the vocabulary of {vocab.Count} pieces");
        }

        return new UnigramModel(vocab, unk, c.OptBool("byte_fallback", false));
    }

    // ---- added tokens ----
    private static List<AddedToken> ReadAddedTokens(JsonCursor c) =>
        c.Items().Select(t => new AddedToken(AddedId(t.Required("id")), t.Required("content").String(),
            t.OptBool("single_word", false), t.OptBool("lstrip", false), t.OptBool("rstrip", false),
            t.OptBool("normalized", true), t.OptBool("special", false))).ToList();

    private static int AddedId(JsonCursor c)
    {
        var id = c.Int();
        return id is >= 0 and <= MaxId ? id : throw c.Error($"id {id} is out of range (expected 0 to {MaxId:N0})");
    }

    /// <summary>The byte offset of the first invalid UTF-8 sequence, or null when the text is valid.</summary>
    private static long? FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return null;
        }
        var at = 0;
        while (at < utf8.Length && Rune.DecodeFromUtf8(utf8[at..], out _, out var used) == System.Buffers.OperationStatus.Done)
        {
            at += used;
        }
        return at;
    }

    // ---- normalizers ----
    private static Normalizer ReadNormalizer(JsonCursor c)
    {
        var type = TypeOf(c);
        return type switch
        {
            "Sequence" => new SequenceNormalizer(c.Required("normalizers").Items().Select(ReadNormalizer).ToList()),
            "NFC" => new UnicodeFormNormalizer(NormalizationForm.FormC),
            "NFD" => new UnicodeFormNormalizer(NormalizationForm.FormD),
            "NFKC" => new UnicodeFormNormalizer(NormalizationForm.FormKC),
            "NFKD" => new UnicodeFormNormalizer(NormalizationForm.FormKD),
            "Lowercase" => new LowercaseNormalizer(),
            "Strip" => new StripNormalizer(c.OptBool("strip_left", true), c.OptBool("strip_right", true)),
            "StripAccents" => new StripAccentsNormalizer(),
            "Prepend" => new PrependNormalizer(c.Required("prepend").String()),
            "Replace" => new ReplaceNormalizer(ReadPattern(c.Required("pattern")), c.Required("content").String()),
            "Nmt" => new NmtNormalizer(),
            "ByteLevel" => new ByteLevelNormalizer(),
            "BertNormalizer" => ReadBertNormalizer(c),
            "Precompiled" => ReadPrecompiled(c),
            _ => throw c.Required("type").Error($"unknown normalizer type \"{type}\""),
        };
    }

    private static BertNormalizer ReadBertNormalizer(JsonCursor c)
    {
        var lowercase = c.OptBool("lowercase", true);
        // strip_accents null means "whatever lowercase is", as in BERT's original uncased models.
        var strip = c.Optional("strip_accents")?.Bool() ?? lowercase;
        return new BertNormalizer(c.OptBool("clean_text", true), c.OptBool("handle_chinese_chars", true), strip, lowercase);
    }

    private static Normalizer ReadPrecompiled(JsonCursor c)
    {
        var field = c.Optional("precompiled_charsmap");
        if (field is null)
        {
            return new SequenceNormalizer([]);
        }

        var text = field.Value.String();
        if (text.Length == 0)
        {
            return new SequenceNormalizer([]);
        }

        try
        {
            return new PrecompiledNormalizer(PrecompiledCharsMap.Parse(Convert.FromBase64String(text)));
        }
        catch (FormatException e)
        {
            throw field.Value.Error("bad precompiled charsmap: " + e.Message);
        }
    }

    private static Regex ReadPattern(JsonCursor c)
    {
        if (c.Optional("String") is { } s)
        {
            return OnigurumaRegex.Literal(s.String());
        }

        if (c.Optional("Regex") is { } r)
        {
            try
            {
                return OnigurumaRegex.Create(r.String());
            }
            catch (ArgumentException e)
            {
                throw r.Error("regex does not translate to .NET: " + e.Message);
            }
        }

        throw c.Error("expected {\"String\": ...} or {\"Regex\": ...}");
    }

    // ---- pre-tokenizers ----
    private static PreTok ReadPreTokenizer(JsonCursor c)
    {
        var type = TypeOf(c);
        return type switch
        {
            "Sequence" => new SequencePreTokenizer(c.Required("pretokenizers").Items().Select(ReadPreTokenizer).ToList()),
            "ByteLevel" => new ByteLevelPreTokenizer(c.OptBool("add_prefix_space", true), c.OptBool("use_regex", true)),
            "Metaspace" => ReadMetaspace(c),
            "Split" => new SplitPreTokenizer(ReadPattern(c.Required("pattern")), ReadBehavior(c.Required("behavior")),
                c.OptBool("invert", false)),
            "Whitespace" => new WhitespacePreTokenizer(),
            "WhitespaceSplit" => new WhitespaceSplitPreTokenizer(),
            "Digits" => new DigitsPreTokenizer(c.OptBool("individual_digits", false)),
            "Punctuation" => new PunctuationPreTokenizer(c.Optional("behavior") is { } b ? ReadBehavior(b) : SplitBehavior.Isolated),
            "CharDelimiterSplit" => new CharDelimiterPreTokenizer(ReadChar(c.Required("delimiter"))),
            "BertPreTokenizer" => new BertPreTokenizer(),
            _ => throw c.Required("type").Error($"unknown pre-tokenizer type \"{type}\""),
        };
    }

    private static MetaspacePreTokenizer ReadMetaspace(JsonCursor c)
    {
        var replacement = c.Optional("replacement") is { } r ? ReadChar(r) : new Rune('▁');
        if (!replacement.IsBmp)
        {
            throw c.Required("replacement").Error("expected a character from the Basic Multilingual Plane");
        }
        return new MetaspacePreTokenizer((char)replacement.Value, ReadPrependScheme(c), c.OptBool("split", true));
    }

    private static PrependScheme ReadPrependScheme(JsonCursor c)
    {
        if (c.Optional("prepend_scheme") is { } s)
        {
            return s.String() switch
            {
                "always" => PrependScheme.Always,
                "first" => PrependScheme.First,
                "never" => PrependScheme.Never,
                var other => throw s.Error($"unknown prepend_scheme \"{other}\" (expected always, first or never)"),
            };
        }

        // Files written before prepend_scheme existed say add_prefix_space.
        return c.OptBool("add_prefix_space", true) ? PrependScheme.Always : PrependScheme.Never;
    }

    private static Rune ReadChar(JsonCursor c)
    {
        var s = c.String();
        if (s.Length == 0 || !Rune.TryGetRuneAt(s, 0, out var rune) || rune.Utf16SequenceLength != s.Length)
        {
            throw c.Error($"expected a single character, found \"{s}\"");
        }

        return rune;
    }

    private static SplitBehavior ReadBehavior(JsonCursor c) => c.String() switch
    {
        "Removed" or "removed" => SplitBehavior.Removed,
        "Isolated" or "isolated" => SplitBehavior.Isolated,
        "MergedWithPrevious" or "merged_with_previous" => SplitBehavior.MergedWithPrevious,
        "MergedWithNext" or "merged_with_next" => SplitBehavior.MergedWithNext,
        "Contiguous" or "contiguous" => SplitBehavior.Contiguous,
        var other => throw c.Error($"unknown split behavior \"{other}\""),
    };

    // ---- post-processors ----
    private static PostProcessor ReadPostProcessor(JsonCursor c, List<AddedToken> added, TokenModel model)
    {
        var type = TypeOf(c);
        return type switch
        {
            "Sequence" => new SequenceProcessor(c.Required("processors").Items().Select(p => ReadPostProcessor(p, added, model)).ToList()),
            "TemplateProcessing" => ReadTemplate(c),
            "BertProcessing" => new BertProcessor(ReadTokenPair(c.Required("sep")), ReadTokenPair(c.Required("cls"))),
            "RobertaProcessing" => new RobertaProcessor(ReadTokenPair(c.Required("sep")), ReadTokenPair(c.Required("cls")),
                c.OptBool("trim_offsets", true), c.OptBool("add_prefix_space", true)),
            "ByteLevel" => new ByteLevelProcessor(c.OptBool("trim_offsets", true), c.OptBool("add_prefix_space", true)),
            _ => throw c.Required("type").Error($"unknown post-processor type \"{type}\""),
        };
    }

    private static (string, int) ReadTokenPair(JsonCursor c)
    {
        var items = c.Items().ToList();
        if (items.Count != 2)
        {
            throw c.Error("expected [token, id]");
        }

        return (items[0].String(), items[1].Int());
    }

    private static TemplateProcessor ReadTemplate(JsonCursor c)
    {
        var specials = new Dictionary<string, (int[], string[])>(StringComparer.Ordinal);
        if (c.Optional("special_tokens") is { } st)
        {
            foreach (var (name, value) in st.Properties())
            {
                var ids = value.Required("ids").Items().Select(i => i.Int()).ToArray();
                var tokens = value.Required("tokens").Items().Select(i => i.String()).ToArray();
                if (ids.Length != tokens.Length)
                {
                    throw value.Error($"special token \"{name}\" has {ids.Length} ids but {tokens.Length} tokens");
                }

                specials[value.OptString("id") ?? name] = (ids, tokens);
            }
        }

        List<TemplatePart> Parts(JsonCursor list)
        {
            var parts = new List<TemplatePart>();
            foreach (var item in list.Items())
            {
                if (item.Optional("Sequence") is { } s)
                {
                    parts.Add(new TemplatePart(true, s.Required("id").String(), s.OptInt("type_id") ?? 0));
                }
                else if (item.Optional("SpecialToken") is { } t)
                {
                    var id = t.Required("id").String();
                    if (!specials.ContainsKey(id))
                    {
                        throw t.Error($"special token \"{id}\" is not listed in special_tokens");
                    }

                    parts.Add(new TemplatePart(false, id, t.OptInt("type_id") ?? 0));
                }
                else
                {
                    throw item.Error("expected {\"Sequence\": ...} or {\"SpecialToken\": ...}");
                }
            }

            return parts;
        }

        var single = Parts(c.Required("single"));
        var pair = c.Optional("pair") is { } p ? Parts(p) : single;
        return new TemplateProcessor(single, pair, specials);
    }

    // ---- decoders ----
    private static Decoder ReadDecoder(JsonCursor c)
    {
        var type = TypeOf(c);
        return type switch
        {
            "Sequence" => new SequenceDecoder(c.Required("decoders").Items().Select(ReadDecoder).ToList()),
            "ByteLevel" => new ByteLevelDecoder(),
            "ByteFallback" => new ByteFallbackDecoder(),
            "Fuse" => new FuseDecoder(),
            "Strip" => new StripDecoder((char)ReadChar(c.Required("content")).Value, c.OptInt("start") ?? 0, c.OptInt("stop") ?? 0),
            "Replace" => new ReplaceDecoder(ReadPattern(c.Required("pattern")), c.Required("content").String()),
            "Metaspace" => new MetaspaceDecoder(c.Optional("replacement") is { } r ? (char)ReadChar(r).Value : '▁',
                ReadPrependScheme(c) != PrependScheme.Never),
            "WordPiece" => new WordPieceDecoder(c.OptString("prefix") ?? "##", c.OptBool("cleanup", true)),
            "BPEDecoder" => new BpeSuffixDecoder(c.OptString("suffix") ?? "</w>"),
            "CTC" => new CtcDecoder(c.OptString("pad_token") ?? "<pad>", c.OptString("word_delimiter_token") ?? "|",
                c.OptBool("cleanup", true)),
            _ => throw c.Required("type").Error($"unknown decoder type \"{type}\""),
        };
    }
}
