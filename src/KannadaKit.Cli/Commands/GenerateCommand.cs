using System.CommandLine;
using System.Globalization;
using KannadaKit.Generation;
using KannadaKit.Generation.Chat;
using KannadaKit.Onnx;
using KannadaKit.Tokenizers;

namespace KannadaKit.Cli.Commands;

/// <summary><c>kannadakit generate --model DIR --prompt TEXT | --input TEXT</c>: text generation with an ONNX model folder.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Option<string>("--model", "-m") { Description = "Model folder (optimum / transformers.js layout: onnx/*.onnx, config.json, tokenizer.json)", Required = true };
        var prompt = new Option<string?>("--prompt", "-p") { Description = "Prompt text for a decoder-only model" };
        var input = new Option<string?>("--input", "-i") { Description = "Source text for an encoder-decoder model (T5, BART, Marian…)" };
        var ids = new Option<string?>("--ids") { Description = "Input as token ids separated by spaces or commas, instead of text" };
        var chat = new Option<bool>("--chat") { Description = "Wrap --prompt as a user message in the model's chat template" };
        var system = new Option<string?>("--system") { Description = "With --chat: a system message" };
        var maxNew = new Option<int?>("--max-new-tokens") { Description = "Most tokens to generate (default: generation_config.json, else 20 in all)" };
        var beams = new Option<int?>("--num-beams") { Description = "Beam search with this many beams" };
        var lengthPenalty = new Option<double?>("--length-penalty") { Description = "Beam score = log p / length^penalty" };
        var sample = new Option<bool?>("--do-sample") { Description = "Sample instead of greedy search" };
        var temperature = new Option<double?>("--temperature") { Description = "Sampling temperature" };
        var topK = new Option<int?>("--top-k") { Description = "Sample among the k most likely tokens (0: all)" };
        var topP = new Option<double?>("--top-p") { Description = "Sample among the most likely tokens reaching probability p" };
        var seed = new Option<int?>("--seed") { Description = "Random seed for sampling" };
        var repetition = new Option<double?>("--repetition-penalty") { Description = "Penalty for tokens already present (>1 discourages)" };
        var noRepeat = new Option<int?>("--no-repeat-ngram-size") { Description = "Never repeat an n-gram of this size" };
        var format = new Option<string>("--format") { Description = "text (streamed as generated) or ids", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "ids");
        var device = new Option<string>("--device") { Description = "cpu, cuda, or auto (CUDA when its provider loads, else CPU)", DefaultValueFactory = _ => "cpu" };
        device.AcceptOnlyFromAmong("cpu", "cuda", "auto");
        var deviceId = new Option<int>("--device-id") { Description = "CUDA device ordinal" };
        var gpuMemory = new Option<long?>("--gpu-mem-limit") { Description = "Most bytes the CUDA arena may use" };
        var dtype = new Option<string>("--dtype") { Description = "Weights: fp32, fp16, int8, uint8, q8, q4, q4f16, bnb4", DefaultValueFactory = _ => "fp32" };
        var threads = new Option<int>("--threads") { Description = "Threads per operator (0: ORT's default)" };

        var command = new Command("generate", "Generate text with an ONNX model (decoder-only: --prompt; encoder-decoder: --input)")
        {
            model, prompt, input, ids, chat, system, maxNew, beams, lengthPenalty, sample, temperature, topK, topP, seed, repetition, noRepeat,
            format, device, deviceId, gpuMemory, dtype, threads,
        };
        command.SetAction(parse => context.Run(() =>
        {
            var folder = parse.GetValue(model)!;
            var options = new GenerativeModelOptions
            {
                Dtype = parse.GetValue(dtype)!,
                Session = new SessionOptions
                {
                    Provider = parse.GetValue(device) switch { "cuda" => ExecutionProvider.Cuda, "auto" => ExecutionProvider.Auto, _ => ExecutionProvider.Cpu },
                    DeviceId = parse.GetValue(deviceId),
                    GpuMemoryLimit = parse.GetValue(gpuMemory),
                    IntraOpThreads = parse.GetValue(threads),
                },
            };
            var generation = new GenerationOptions
            {
                MaxNewTokens = parse.GetValue(maxNew),
                NumBeams = parse.GetValue(beams),
                LengthPenalty = parse.GetValue(lengthPenalty),
                DoSample = parse.GetValue(sample),
                Temperature = parse.GetValue(temperature),
                TopK = parse.GetValue(topK),
                TopP = parse.GetValue(topP),
                Seed = parse.GetValue(seed),
                RepetitionPenalty = parse.GetValue(repetition),
                NoRepeatNgramSize = parse.GetValue(noRepeat),
            };
            using var runtime = OnnxCommand.LoadRuntime();
            try
            {
                generation.Validate();
                using var generator = GenerativeModel.Open(runtime, folder, options);
                var text = generator.Kind == ModelKind.DecoderOnly ? parse.GetValue(prompt) : parse.GetValue(input);
                var wrong = generator.Kind == ModelKind.DecoderOnly ? parse.GetValue(input) : parse.GetValue(prompt);
                if (wrong is not null)
                {
                    throw new CliException(generator.Kind == ModelKind.DecoderOnly
                        ? $"{folder} is a decoder-only model: give the text with --prompt, not --input"
                        : $"{folder} is an encoder-decoder model: give the text with --input, not --prompt");
                }
                var tokens = InputTokens(generator, text, parse.GetValue(ids), parse.GetValue(chat), parse.GetValue(system));
                context.Error.WriteLine($"kannadakit: {(generator.Kind == ModelKind.DecoderOnly ? "decoder-only" : "encoder-decoder")} model {generator.Layout} on {generator.Provider}");
                if (parse.GetValue(format) == "ids" || generator.Tokenizer is null)
                {
                    var result = generator.Generate(tokens, generation);
                    context.Out.WriteLine(string.Join(' ', result.Tokens));
                    return ExitCodes.Success;
                }
                foreach (var piece in generator.StreamAsync(tokens, generation).ToBlockingEnumerable())
                {
                    context.Out.Write(piece.Text);
                    context.Out.Flush();
                }
                context.Out.WriteLine();
            }
            catch (Exception e) when (e is OnnxRuntimeException or GenerationException or TemplateException or TokenizerFormatException)
            {
                throw new CliException(e.Message);
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static int[] InputTokens(GenerativeModel generator, string? text, string? ids, bool chat, string? system)
    {
        if (ids is not null)
        {
            if (text is not null)
            {
                throw new CliException("give either text (--prompt / --input) or --ids, not both");
            }
            var parts = ids.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
            return [.. parts.Select((p, i) => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
                : throw new CliException($"--ids: item {i + 1} ('{p}') is not a token id (expected a non-negative integer)"))];
        }
        if (text is null)
        {
            throw new CliException(generator.Kind == ModelKind.DecoderOnly ? "--prompt (or --ids) is required" : "--input (or --ids) is required");
        }
        if (generator.Tokenizer is null)
        {
            throw new CliException($"{generator.Folder} has no tokenizer.json: give the input as --ids");
        }
        if (chat)
        {
            var messages = new List<ChatMessage>();
            if (system is not null)
            {
                messages.Add(new ChatMessage("system", system));
            }
            messages.Add(new ChatMessage("user", text));
            return [.. generator.ChatPrompt(messages)];
        }
        return [.. generator.Tokenizer.EncodeToIds(text, addSpecialTokens: true)];
    }
}
