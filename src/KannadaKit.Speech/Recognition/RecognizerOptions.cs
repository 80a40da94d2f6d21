namespace KannadaKit.Speech.Recognition;

/// <summary>
/// How Whisper decodes. Defaults follow whisper.cpp's CLI except where Kannada needs otherwise (see
/// <see cref="RepetitionThreshold"/>). Immutable; <see cref="Validate"/> names the first bad value.
/// </summary>
public sealed record RecognizerOptions
{
    /// <summary>A Whisper language code ("kn"), or "auto" to detect it per window.</summary>
    public string Language { get; init; } = "kn";

    /// <summary>Transcribe, or translate into English.</summary>
    public RecognizerTask Task { get; init; } = RecognizerTask.Transcribe;

    /// <summary>Beam width; 0 or 1 decodes greedily.</summary>
    public int BeamSize { get; init; } = 5;

    /// <summary>Candidates sampled per window when decoding greedily above temperature 0.</summary>
    public int BestOf { get; init; } = 5;

    /// <summary>The first decoding temperature.</summary>
    public float Temperature { get; init; }

    /// <summary>Added on each fallback, up to 1.0 (0 disables fallback).</summary>
    public float TemperatureIncrement { get; init; } = 0.2f;

    /// <summary>A window whose mean token log-probability is below this is decoded again hotter (whisper.cpp, openai: −1).</summary>
    public float LogProbThreshold { get; init; } = -1f;

    /// <summary>whisper.cpp's own fallback signal: token entropy below this means repetition (its default 2.4).</summary>
    public float EntropyThreshold { get; init; } = 2.4f;

    /// <summary>
    /// Our repetition check on each window's text: the compression ratio of its code points, one byte each (see
    /// <see cref="RepetitionScore"/>). openai's 2.4 on UTF-8 bytes flags ordinary Kannada as repetitive (3-byte
    /// characters with repeated lead bytes: 2.41 at 200 characters); on code points ordinary Kannada scores like
    /// English and loops still score high (the measurements are in the repetition tests).
    /// </summary>
    public double RepetitionThreshold { get; init; } = 2.4;

    /// <summary>A window is silence when the no-speech probability exceeds this and the log-probability is below the threshold.</summary>
    public float NoSpeechThreshold { get; init; } = 0.6f;

    /// <summary>Text that primes the decoder (names, spelling, style), or null.</summary>
    public string? Prompt { get; init; }

    /// <summary>CPU threads for whisper.cpp (0: all cores, at most 8).</summary>
    public int Threads { get; init; }

    /// <summary>Token timestamps by dynamic time warping on the cross-attention of the model's alignment heads (known for the standard sizes).</summary>
    public bool Dtw { get; init; } = true;

    /// <summary>Ask the runtime for a GPU (needs a GPU runtime package such as Whisper.net.Runtime.Cuda).</summary>
    public bool UseGpu { get; init; }

    internal int EffectiveThreads => Threads > 0 ? Threads : Math.Clamp(Environment.ProcessorCount, 1, 8);

    /// <summary>Checks the values.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Language) || (Language != "auto" && !(Language.Length is 2 or 3 && Language.All(char.IsAsciiLetterLower))))
        {
            throw new ArgumentOutOfRangeException(nameof(Language), Language, "expected a Whisper language code such as kn, or auto");
        }

        if (BeamSize is < 0 or > 16 || BestOf is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(BeamSize), "beam size must be 0–16 and best-of 1–16");
        }

        if (Temperature is < 0 or > 1 || TemperatureIncrement is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Temperature), "temperatures must be between 0 and 1");
        }

        if (Threads is < 0 or > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "threads must be 0 (automatic) to 256");
        }
    }
}
