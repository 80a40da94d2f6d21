namespace KannadaKit.Speech.Recognition;

/// <summary>What Whisper is asked to do.</summary>
public enum RecognizerTask
{
    /// <summary>Text in the spoken language.</summary>
    Transcribe,

    /// <summary>English text from any language.</summary>
    Translate,
}
