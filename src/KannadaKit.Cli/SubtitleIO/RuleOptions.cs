using System.CommandLine;
using KannadaKit.Subtitles;

namespace KannadaKit.Cli.SubtitleIO;

/// <summary>The subtitle craft rules as options, shared by <c>subtitle</c>, <c>check</c> and <c>reflow</c>.</summary>
internal sealed class RuleOptions
{
    private readonly Option<int?> _lines = new("--max-lines") { Description = "Lines per cue (default 2)" };
    private readonly Option<int?> _aksharas = new("--max-line-aksharas") { Description = "Aksharas per line (default 42)" };
    private readonly Option<double?> _cps = new("--max-cps") { Description = "Reading speed, aksharas a second (default 17)" };
    private readonly Option<double?> _minDuration = new("--min-duration") { Description = "Shortest cue in seconds (default 0.833)" };
    private readonly Option<double?> _maxDuration = new("--max-duration") { Description = "Longest cue in seconds (default 7)" };
    private readonly Option<double?> _fps = new("--fps") { Description = "Frame rate the minimum gap is counted in (default 24)" };
    private readonly Option<int?> _gap = new("--min-gap-frames") { Description = "Frames between cues (default 2)" };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { _lines, _aksharas, _cps, _minDuration, _maxDuration, _fps, _gap })
        {
            command.Options.Add(o);
        }
    }

    /// <summary>The rules the options set (defaults elsewhere), checked.</summary>
    public SubtitleRules Rules(ParseResult parse)
    {
        var d = SubtitleRules.Default;
        var rules = new SubtitleRules
        {
            MaxLines = parse.GetValue(_lines) ?? d.MaxLines,
            MaxLineAksharas = parse.GetValue(_aksharas) ?? d.MaxLineAksharas,
            MaxAksharasPerSecond = parse.GetValue(_cps) ?? d.MaxAksharasPerSecond,
            MinDuration = parse.GetValue(_minDuration) is { } min ? TimeSpan.FromSeconds(min) : d.MinDuration,
            MaxDuration = parse.GetValue(_maxDuration) is { } max ? TimeSpan.FromSeconds(max) : d.MaxDuration,
            FrameRate = parse.GetValue(_fps) ?? d.FrameRate,
            MinGapFrames = parse.GetValue(_gap) ?? d.MinGapFrames,
        };
        try
        {
            rules.Validate();
        }
        catch (ArgumentException e)
        {
            string option = e.ParamName switch
            {
                nameof(SubtitleRules.MaxLines) => "--max-lines",
                nameof(SubtitleRules.MaxLineAksharas) => "--max-line-aksharas",
                nameof(SubtitleRules.MaxAksharasPerSecond) => "--max-cps",
                nameof(SubtitleRules.MinDuration) => "--min-duration/--max-duration",
                _ => "--fps/--min-gap-frames",
            };
            throw new CliException($"{option}: {e.Message.Split(" (Parameter", 2)[0]}", ExitCodes.Usage);
        }

        return rules;
    }
}
