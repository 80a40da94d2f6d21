namespace KannadaKit.Subtitles;

/// <summary>
/// The craft rules cues are built and checked by, counted in aksharas. Defaults follow the common style guides for
/// languages other than English (Netflix: 42 characters a line, 17 a second, 5/6 s to 7 s, two lines, a two-frame gap);
/// no Kannada style guide exists, and an akshara is the unit a Kannada reader takes in, as a letter is in English.
/// </summary>
public sealed record SubtitleRules
{
    /// <summary>Lines per cue.</summary>
    public int MaxLines { get; init; } = 2;

    /// <summary>Aksharas per line (spaces and punctuation count one each).</summary>
    public int MaxLineAksharas { get; init; } = 42;

    /// <summary>Reading speed: aksharas per second of display.</summary>
    public double MaxAksharasPerSecond { get; init; } = 17;

    /// <summary>The shortest display (20 frames at 24 fps).</summary>
    public TimeSpan MinDuration { get; init; } = TimeSpan.FromMilliseconds(833);

    /// <summary>The longest display.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromSeconds(7);

    /// <summary>Frames between one cue's end and the next one's start.</summary>
    public int MinGapFrames { get; init; } = 2;

    /// <summary>Frames per second the gap is counted in.</summary>
    public double FrameRate { get; init; } = 24;

    /// <summary>A pause between words longer than this starts a new cue.</summary>
    public TimeSpan MaxPause { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>The smallest gap between cues.</summary>
    public TimeSpan MinGap => TimeSpan.FromMilliseconds(Math.Ceiling(MinGapFrames * 1000 / FrameRate));

    /// <summary>The defaults.</summary>
    public static SubtitleRules Default { get; } = new();

    /// <summary>Checks the values, naming the first one out of range.</summary>
    public void Validate()
    {
        if (MaxLines is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLines), MaxLines, "lines per cue must be 1–4");
        }

        if (MaxLineAksharas is < 8 or > 200)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLineAksharas), MaxLineAksharas, "aksharas per line must be 8–200");
        }

        if (MaxAksharasPerSecond is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAksharasPerSecond), MaxAksharasPerSecond, "aksharas per second must be 1–100");
        }

        if (MinDuration <= TimeSpan.Zero || MaxDuration < MinDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(MinDuration), "durations must be positive with the minimum not above the maximum");
        }

        if (MinGapFrames < 0 || FrameRate is < 1 or > 300)
        {
            throw new ArgumentOutOfRangeException(nameof(FrameRate), "gap frames must be 0 or more at 1–300 frames a second");
        }
    }
}
