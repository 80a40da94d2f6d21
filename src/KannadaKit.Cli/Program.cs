using System.CommandLine;
using System.Text;
using KannadaKit.Cli;
using KannadaKit.Cli.Commands;

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
bool verbose = args.Contains("--verbose");
var context = new CliContext(Console.Out, Console.Error, verbose, Console.OpenStandardOutput);

var verboseOption = new Option<bool>("--verbose") { Description = "Show stack traces for errors", Recursive = true };
var root = new RootCommand("KannadaKit: Kannada-first language tools (normalization, segmentation, transliteration, tokenizers, ONNX generation, subtitles, a lexicon, news summaries)")
{
    verboseOption,
    NormalizeCommand.Create(context),
    SegmentCommand.Create(context),
    TranslitCommand.Create(context),
    TrainRomanizedCommand.Create(context),
    LegacyCommand.Create(context),
    TokenizerCommand.Create(context),
    OnnxCommand.Create(context),
    GenerateCommand.Create(context),
    SubtitleCommand.Create(context),
    ModelsCommand.Create(context),
    LexiconCommand.Create(context),
    NewsCommand.Create(context),
    ClusterCommand.Create(context),
};
var parse = root.Parse(args);
if (parse.Errors.Count > 0 && !args.Contains("--help") && !args.Contains("-h"))
{
    // Usage mistakes get one line and a pointer to help, not the whole help text.
    string command = string.Join(' ', parse.CommandResult.Command.Name == root.Name ? [] : new[] { parse.CommandResult.Command.Name });
    context.Error.WriteLine($"kannadakit: error: {parse.Errors[0].Message} (see: kannadakit {command} --help)".Replace("  ", " ", StringComparison.Ordinal));
    return ExitCodes.Usage;
}

return parse.Invoke();
