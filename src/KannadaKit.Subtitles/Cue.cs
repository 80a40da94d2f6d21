namespace KannadaKit.Subtitles;

/// <summary>
/// One subtitle: shown from <see cref="Start"/> to <see cref="End"/>, its lines joined by '\n'. <see cref="Text"/> is
/// the payload as the format carries it (tags such as <c>&lt;i&gt;</c> kept; WebVTT entities kept escaped), so a file
/// read and written again is unchanged; <see cref="CueText"/> gives the visible text that rules count.
/// </summary>
public sealed record Cue(TimeSpan Start, TimeSpan End, string Text)
{
    /// <summary>The WebVTT cue identifier (SRT numbers are not kept: writers renumber).</summary>
    public string? Identifier { get; init; }

    /// <summary>WebVTT cue settings after the timing (<c>line:90% align:center</c>), or null.</summary>
    public string? Settings { get; init; }

    /// <summary>The payload's lines.</summary>
    public IReadOnlyList<string> Lines => Text.Split('\n');

    /// <summary>How long the cue is shown.</summary>
    public TimeSpan Duration => End - Start;
}
