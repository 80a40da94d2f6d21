using System.Runtime.CompilerServices;
using System.Threading.Channels;
using KannadaKit.Generation.Chat;
using KannadaKit.Generation.Models;
using KannadaKit.Generation.Search;
using KannadaKit.Onnx;
using KannadaKit.Tokenizers;

namespace KannadaKit.Generation;

/// <summary>
/// A text generation model opened from a folder in the Hugging Face optimum / transformers.js layout (the ONNX
/// files directly in the folder or under <c>onnx/</c>, with <c>config.json</c>, <c>generation_config.json</c>,
/// <c>tokenizer.json</c> and <c>tokenizer_config.json</c> beside them). Thread-safe: each call has its own cache.
/// </summary>
public sealed class GenerativeModel : IDisposable
{
    private readonly OnnxRuntime _runtime;
    private readonly InferenceSession? _encoder;
    private readonly InferenceSession _decoder;
    private readonly InferenceSession? _decoderWithPast;
    private readonly GenerativeModelOptions _options;

    private GenerativeModel(OnnxRuntime runtime, string folder, ModelKind kind, string layout, InferenceSession? encoder,
        InferenceSession decoder, InferenceSession? decoderWithPast, ModelConfig config, Tokenizer? tokenizer, ChatTemplate? chatTemplate,
        GenerativeModelOptions options)
    {
        _runtime = runtime;
        _options = options;
        Folder = folder;
        Kind = kind;
        Layout = layout;
        _encoder = encoder;
        _decoder = decoder;
        _decoderWithPast = decoderWithPast;
        Config = config;
        Tokenizer = tokenizer;
        ChatTemplate = chatTemplate;
    }

    /// <summary>The model folder.</summary>
    public string Folder { get; }

    /// <summary>Decoder-only or encoder-decoder.</summary>
    public ModelKind Kind { get; }

    /// <summary>Which files were used, e.g. <c>encoder_model.onnx + decoder_model_merged.onnx</c>.</summary>
    public string Layout { get; }

    /// <summary>The configuration and generation defaults read from the folder.</summary>
    public ModelConfig Config { get; }

    /// <summary>The folder's tokenizer.json, or null when it has none.</summary>
    public Tokenizer? Tokenizer { get; }

    /// <summary>The chat template from tokenizer_config.json, or null.</summary>
    public ChatTemplate? ChatTemplate { get; }

    /// <summary>Where the decoder runs.</summary>
    public ExecutionProviderChoice Provider => _decoder.Provider;

    /// <summary>Opens a model folder.</summary>
    /// <exception cref="GenerationException">When the folder lacks a recognizable set of ONNX files (the message lists what it looked for).</exception>
    /// <exception cref="OnnxRuntimeException">When ORT cannot open a file.</exception>
    public static GenerativeModel Open(OnnxRuntime runtime, string folder, GenerativeModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        options ??= new GenerativeModelOptions();
        if (!Directory.Exists(folder))
        {
            throw new GenerationException($"{folder}: model folder not found");
        }
        var suffix = options.Suffix;
        var onnxFolder = Directory.Exists(Path.Combine(folder, "onnx")) ? Path.Combine(folder, "onnx") : folder;
        string? Find(string stem) => File.Exists(Path.Combine(onnxFolder, stem + suffix + ".onnx")) ? Path.Combine(onnxFolder, stem + suffix + ".onnx") : null;

        var config = ModelConfig.Load(folder);
        var tokenizerPath = Path.Combine(folder, "tokenizer.json");
        var tokenizer = File.Exists(tokenizerPath) ? HfTokenizer.FromFile(tokenizerPath) : null;
        var chat = ChatTemplate.FromTokenizerConfig(Path.Combine(folder, "tokenizer_config.json"));

        var encoderPath = Find("encoder_model");
        var merged = Find("decoder_model_merged");
        var plain = Find("decoder_model");
        var withPast = Find("decoder_with_past_model");
        var decoderOnly = Find("model");
        var sessions = new List<InferenceSession>();
        InferenceSession Open(string path)
        {
            var s = runtime.OpenSession(path, options.Session);
            sessions.Add(s);
            return s;
        }
        try
        {
            if (encoderPath is not null && (merged ?? plain) is not null)
            {
                var encoder = Open(encoderPath);
                if (merged is not null)
                {
                    return new GenerativeModel(runtime, folder, ModelKind.EncoderDecoder, $"{Name(encoderPath)} + {Name(merged)}",
                        encoder, Open(merged), null, config, tokenizer, chat, options);
                }
                var first = Open(plain!);
                var second = withPast is null ? null : Open(withPast);
                var layout = second is null ? $"{Name(encoderPath)} + {Name(plain!)} (no cache)" : $"{Name(encoderPath)} + {Name(plain!)} + {Name(withPast!)}";
                return new GenerativeModel(runtime, folder, ModelKind.EncoderDecoder, layout, encoder, first, second, config, tokenizer, chat, options);
            }
            var single = decoderOnly ?? (encoderPath is null ? merged ?? plain : null);
            if (single is not null)
            {
                return new GenerativeModel(runtime, folder, ModelKind.DecoderOnly, Name(single), null, Open(single), null, config, tokenizer, chat, options);
            }
        }
        catch
        {
            foreach (var s in sessions)
            {
                s.Dispose();
            }
            throw;
        }
        throw new GenerationException(
            $"{onnxFolder}: no model files for dtype {options.Dtype}: expected model{suffix}.onnx (decoder-only), or encoder_model{suffix}.onnx with "
            + $"decoder_model_merged{suffix}.onnx or decoder_model{suffix}.onnx [+ decoder_with_past_model{suffix}.onnx] (encoder-decoder)");
    }

    private static string Name(string path) => Path.GetFileName(path);

    /// <summary>
    /// Generates for a batch of token sequences: prompts for decoder-only models, source texts for encoder-decoder
    /// ones (whose decoder starts from <c>decoder_start_token_id</c>). Returns, per input, the best
    /// <c>num_return_sequences</c> continuations (one unless beam search asks for more).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<GeneratedSequence>> GenerateBatch(IReadOnlyList<IReadOnlyList<int>> inputs, GenerationOptions? options = null,
        CancellationToken cancellationToken = default) =>
        Run(inputs, options, null, cancellationToken);

    /// <summary>Generates for one input.</summary>
    public GeneratedSequence Generate(IReadOnlyList<int> input, GenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Run([input], options, null, cancellationToken)[0][0];

    /// <summary>Encodes <paramref name="text"/> with the model's tokenizer, generates, and decodes the best sequence.</summary>
    public string GenerateText(string text, GenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var tokenizer = RequireTokenizer();
        var result = Generate(tokenizer.EncodeToIds(text, addSpecialTokens: true).ToArray(), options, cancellationToken);
        return tokenizer.Decode(result.Tokens, skipSpecialTokens: true);
    }

    /// <summary>
    /// Streams tokens of one input as they are generated (greedy or sampling; beam search yields its best sequence
    /// at the end). With a tokenizer each token carries the text it completes.
    /// </summary>
    public async IAsyncEnumerable<GeneratedToken> StreamAsync(IReadOnlyList<int> input, GenerationOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var beams = (options ?? new GenerationOptions()).Over(Config.Defaults).NumBeams ?? 1;
        var worker = Task.Run(() =>
        {
            try
            {
                var result = Run([input], options, beams > 1 ? null : (_, token) => channel.Writer.TryWrite(token), cancellationToken);
                if (beams > 1)
                {
                    foreach (var token in result[0][0].Tokens)
                    {
                        channel.Writer.TryWrite(token);
                    }
                }
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, cancellationToken);

        var decoder = Tokenizer is null ? null : new IncrementalDecoder(Tokenizer);
        await foreach (var token in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new GeneratedToken(0, token, decoder?.Add(token));
        }
        await worker.ConfigureAwait(false);
    }

    /// <summary>Applies the chat template to messages and returns the prompt's token ids.</summary>
    /// <exception cref="GenerationException">When the model has no chat template or tokenizer.</exception>
    public IReadOnlyList<int> ChatPrompt(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt = true)
    {
        var template = ChatTemplate ?? throw new GenerationException($"{Folder}: tokenizer_config.json has no chat_template");
        var text = template.Render(messages, addGenerationPrompt);
        // The template writes the special tokens itself (BOS included), so none are added again.
        return RequireTokenizer().EncodeToIds(text, addSpecialTokens: false).ToArray();
    }

    private Tokenizer RequireTokenizer() =>
        Tokenizer ?? throw new GenerationException($"{Folder}: no tokenizer.json, so text cannot be encoded; pass token ids");

    /// <summary>On CUDA the cache stays in device memory between steps, unless beam search must reorder it on the host.</summary>
    private CacheBinding BindingFor(int beams) =>
        _options.CacheBinding is { } forced ? forced
        : _decoder.Provider.Name == "CUDA" && beams == 1 ? CacheBinding.Cuda
        : CacheBinding.None;

    private List<List<GeneratedSequence>> Run(IReadOnlyList<IReadOnlyList<int>> inputs, GenerationOptions? options,
        Action<int, int>? onToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            return [];
        }
        var merged = (options ?? new GenerationOptions()).Over(Config.Defaults);
        var settings = GenerationSettings.Resolve(merged, Kind == ModelKind.EncoderDecoder);
        var beams = settings.NumBeams;
        int[][] prompts;
        IStepModel model;
        if (Kind == ModelKind.DecoderOnly)
        {
            prompts = [.. inputs.Select(i => i.Count > 0 ? i.ToArray() : throw new GenerationException("a decoder-only prompt needs at least one token"))];
            model = new DecoderOnlyStepModel(_decoder, Config, settings.UseCache, BindingFor(beams), _options.Session.DeviceId);
        }
        else
        {
            var start = merged.DecoderStartTokenId ?? merged.BosTokenId
                ?? throw new GenerationException($"{Folder}: neither decoder_start_token_id nor bos_token_id is set (config.json or generation_config.json)");
            prompts = [.. inputs.Select(_ => new[] { start })];
            model = EncodeSources(inputs, beams, merged.PadTokenId ?? 0, settings.UseCache, cancellationToken);
        }
        using (model)
        {
            if (beams == 1)
            {
                return [.. SequenceSearch.Run(model, prompts, settings, onToken, cancellationToken).Select(s => new List<GeneratedSequence> { s })];
            }
            return BeamSearch.Run(model, prompts, settings, cancellationToken);
        }
    }

    /// <summary>Runs the encoder on right-padded source ids and builds the decoder over its output, one row per beam.</summary>
    private EncoderDecoderStepModel EncodeSources(IReadOnlyList<IReadOnlyList<int>> sources, int beams, int padId, bool useCache,
        CancellationToken cancellationToken)
    {
        var encoder = _encoder!;
        var batch = sources.Count;
        var width = Math.Max(1, sources.Max(s => s.Count));
        var ids = new long[batch * width];
        var mask = new long[batch * width];
        for (var b = 0; b < batch; b++)
        {
            for (var i = 0; i < width; i++)
            {
                var real = i < sources[b].Count;
                ids[b * width + i] = real ? sources[b][i] : padId;
                mask[b * width + i] = real ? 1 : 0;
            }
        }
        using var idsValue = OrtValue.FromArray(_runtime, ids, batch, width);
        using var maskValue = OrtValue.FromArray(_runtime, mask, batch, width);
        var feeds = new List<KeyValuePair<string, OrtValue>> { new("input_ids", idsValue) };
        if (encoder.HasInput("attention_mask"))
        {
            feeds.Add(new("attention_mask", maskValue));
        }
        var hiddenName = encoder.HasOutput("last_hidden_state") ? "last_hidden_state" : encoder.Outputs[0].Name;
        using var outputs = encoder.Run(feeds, [hiddenName], cancellationToken);
        var rows = Enumerable.Range(0, batch * beams).Select(r => r / beams).ToArray();
        var hidden = TensorRows.Gather(_runtime, outputs[hiddenName], rows);
        var expandedMask = TensorRows.Gather(_runtime, maskValue, rows);
        return new EncoderDecoderStepModel(_decoder, _decoderWithPast, hidden, expandedMask, Config, useCache, BindingFor(beams), _options.Session.DeviceId);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _encoder?.Dispose();
        _decoder.Dispose();
        _decoderWithPast?.Dispose();
    }
}
