using System.Text;

namespace KannadaKit.Text.Transliteration.Romanized;

/// <summary>
/// A model of how people write Kannada in casual Latin: a spelling model (how each native symbol is written, learned
/// by aligning word pairs), a native n-gram model over symbols, and a word list with frequencies.
/// </summary>
/// <remarks>
/// Train it from word pairs and a Kannada word list (<see cref="Train"/>), save it, and load it at start-up
/// (<see cref="Load"/>). Immutable and thread-safe; decode with <see cref="RomanizedDecoder"/>.
/// </remarks>
public sealed class RomanizedModel
{
    // 3: a SHA-256 of the rest ends the file.
    private const int FormatVersion = 3;
    private const int MaxFileBytes = 1 << 30;
    private static ReadOnlySpan<byte> Magic => "KKROMAN1"u8;

    internal RomanizedModel(NativeSymbols symbols, NGramModel lm, Dictionary<long, double> spelling,
        Dictionary<string, int> lexicon, RomanizedModelOptions options)
    {
        Symbols = symbols;
        Lm = lm;
        Spelling = spelling;
        Lexicon = lexicon;
        Options = options;
        var cons = new Dictionary<int, List<(byte, float)>>();
        var vowelParts = new Dictionary<int, List<(byte, float)>>();
        var rest = new Dictionary<int, List<(byte, float)>>();
        foreach (var (key, p) in spelling)
        {
            int sym = (int)(key >> 24);
            int chunk = (int)(key & 0xFFFFFF);
            var table = symbols.KindOf(sym) switch
            {
                SymbolKind.Consonant => cons,
                SymbolKind.VowelPart => vowelParts,
                _ => rest,
            };
            if (!table.TryGetValue(chunk, out var list))
                table[chunk] = list = [];
            list.Add(((byte)sym, (float)Math.Log(p)));
        }
        Consonants = Freeze(cons);
        VowelParts = Freeze(vowelParts);
        Standalone = Freeze(rest);
    }

    internal NativeSymbols Symbols { get; }

    internal NGramModel Lm { get; }

    internal Dictionary<long, double> Spelling { get; }

    internal Dictionary<string, int> Lexicon { get; }

    internal Dictionary<int, (byte Sym, float LogP)[]> Consonants { get; }

    internal Dictionary<int, (byte Sym, float LogP)[]> VowelParts { get; }

    internal Dictionary<int, (byte Sym, float LogP)[]> Standalone { get; }

    /// <summary>The options the model was trained with; the decoder's weights come from here.</summary>
    public RomanizedModelOptions Options { get; }

    /// <summary>Number of words in the word list.</summary>
    public int LexiconSize => Lexicon.Count;

    /// <summary>The same model decoding with other weights or beam (training options are ignored).</summary>
    public RomanizedModel WithOptions(RomanizedModelOptions options) => new(Symbols, Lm, Spelling, Lexicon, options);

    /// <summary>Readings of each chunk, likeliest first, without the far-fetched ones the search would never keep.</summary>
    private Dictionary<int, (byte, float)[]> Freeze(Dictionary<int, List<(byte, float)>> d) =>
        d.ToDictionary(kv => kv.Key, kv =>
        {
            var sorted = kv.Value.OrderByDescending(x => x.Item2).ToArray();
            float floor = sorted[0].Item2 - (float)Options.ChunkLogWindow;
            return sorted.Where(x => x.Item2 >= floor).Take(Options.MaxReadingsPerChunk).ToArray();
        });

    /// <summary>Trains a model.</summary>
    /// <param name="pairs">Kannada word, its romanization as people wrote it, and how many people wrote it so.</param>
    /// <param name="words">Kannada words with corpus frequencies, for the language model and the word list.</param>
    /// <param name="options">Training options; null for the defaults.</param>
    public static RomanizedModel Train(IEnumerable<(string Kannada, string Roman, int Count)> pairs,
        IEnumerable<(string Word, int Count)> words, RomanizedModelOptions? options = null)
    {
        options ??= new RomanizedModelOptions();
        var symbols = new NativeSymbols();
        var aligned = new List<(List<int>, string, double)>();
        var lexicon = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (native, roman, count) in pairs)
        {
            string r = roman.ToLowerInvariant();
            var syms = symbols.Symbolize(native, grow: true);
            if (syms is null || r.Length == 0 || r.Any(c => c is < 'a' or > 'z'))
                continue;
            aligned.Add((syms, r, count));
            lexicon[native] = lexicon.GetValueOrDefault(native) + count;
        }
        var spelling = RomanizedAligner.Train(symbols, aligned, options.AlignIterations);
        // Drop what alignment noise made up; keep every symbol's best spelling.
        var best = new Dictionary<int, double>();
        foreach (var (key, p) in spelling)
            best[(int)(key >> 24)] = Math.Max(best.GetValueOrDefault((int)(key >> 24)), p);
        spelling = spelling.Where(kv => kv.Value >= options.MinSpellingProbability || kv.Value == best[(int)(kv.Key >> 24)])
            .ToDictionary(kv => kv.Key, kv => kv.Value);

        foreach (var (word, count) in words)
        {
            if (count > 0)
                lexicon[word] = lexicon.GetValueOrDefault(word) + count;
        }
        var lmData = new List<(List<int>, double)>(lexicon.Count);
        foreach (var (word, count) in lexicon)
        {
            if (symbols.Symbolize(word, grow: false) is { } syms)
                lmData.Add((syms, Math.Pow(count, options.CorpusCountExponent)));
        }
        var lm = NGramModel.Train(options.LmOrder, symbols.Count, lmData);
        return new RomanizedModel(symbols, lm, spelling, lexicon, options);
    }

    /// <summary>Writes the model in its binary format.</summary>
    public void Save(Stream stream)
    {
        var body = new MemoryStream();
        using var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(Options.LmOrder);
        w.Write(Options.LmWeight);
        w.Write(Options.LexiconWeight);
        w.Write(Options.Beam);
        w.Write(Options.MaxReadingsPerChunk);
        w.Write(Options.ChunkLogWindow);
        w.Write(Options.ScoreWindow);
        Symbols.Write(w);
        Lm.Write(w);
        w.Write(Spelling.Count);
        foreach (var (key, p) in Spelling)
        {
            w.Write(key);
            w.Write(p);
        }
        w.Write(Lexicon.Count);
        foreach (var (word, count) in Lexicon)
        {
            w.Write(word);
            w.Write(count);
        }
        w.Flush();
        ModelBinary.WriteWithChecksum(stream, body.GetBuffer().AsSpan(0, (int)body.Length));
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not such a model, or is damaged.</exception>
    public static RomanizedModel Load(Stream stream)
    {
        var file = ReadAll(stream);
        if (!file.AsSpan().StartsWith(Magic))
            throw new InvalidDataException("not a KannadaKit romanized-input model (bad magic)");
        int version = file.Length >= Magic.Length + 4 ? BitConverter.ToInt32(file, Magic.Length) : -1;
        if (version != FormatVersion)
            throw new InvalidDataException($"model format {version}, expected {FormatVersion} (train it again with this version)");
        var body = ModelBinary.VerifiedBody(file, Magic.Length + 4);
        using var r = new BinaryReader(new MemoryStream(file, 0, body.Length, writable: false), Encoding.UTF8);
        r.BaseStream.Position = Magic.Length + 4;
        try
        {
            var options = new RomanizedModelOptions
            {
                LmOrder = ModelBinary.ReadInRange(r, "n-gram order", 1, 7),
                LmWeight = ModelBinary.ReadFinite(r, "LM weight"),
                LexiconWeight = ModelBinary.ReadFinite(r, "lexicon weight"),
                Beam = ModelBinary.ReadInRange(r, "beam", 1, 1024),
                MaxReadingsPerChunk = ModelBinary.ReadInRange(r, "readings per chunk", 1, 1024),
                ChunkLogWindow = ModelBinary.ReadFinite(r, "chunk window"),
                ScoreWindow = ModelBinary.ReadFinite(r, "score window"),
            };
            var symbols = NativeSymbols.Read(r);
            var lm = NGramModel.Read(r);
            if (lm.Order != options.LmOrder || lm.Symbols != symbols.Count)
                throw new InvalidDataException($"n-gram model of order {lm.Order} over {lm.Symbols} symbols does not match the header ({options.LmOrder}, {symbols.Count})");
            int n = ModelBinary.ReadCount(r, sizeof(long) + sizeof(double), "spelling");
            var spelling = new Dictionary<long, double>(n);
            for (int i = 0; i < n; i++)
            {
                long key = r.ReadInt64();
                double p = ModelBinary.ReadFinite(r, "spelling probability");
                if (key < 0 || (key >> 24) >= symbols.Count || p is <= 0 or > 1 + 1e-9)
                    throw new InvalidDataException($"spelling entry {i} (symbol {key >> 24}, probability {p}) is out of range");
                spelling[key] = p;
            }
            n = ModelBinary.ReadCount(r, 1 + sizeof(int), "lexicon");
            var lexicon = new Dictionary<string, int>(n, StringComparer.Ordinal);
            for (int i = 0; i < n; i++)
            {
                string word = ModelBinary.ReadString(r);
                int count = r.ReadInt32();
                if (count <= 0)
                    throw new InvalidDataException($"lexicon word '{word}' has count {count}; expected a positive count");
                lexicon[word] = count;
            }
            if (r.BaseStream.Position != body.Length)
                throw new InvalidDataException($"{body.Length - r.BaseStream.Position} unexpected bytes after the lexicon");
            return new RomanizedModel(symbols, lm, spelling, lexicon, options);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("romanized-input model is truncated", e);
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        if (stream.CanSeek && stream.Length - stream.Position > MaxFileBytes)
            throw new InvalidDataException($"romanized-input model of {stream.Length:N0} bytes is larger than {MaxFileBytes:N0}");
        var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
                throw new InvalidDataException($"romanized-input model is larger than {MaxFileBytes:N0} bytes");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
