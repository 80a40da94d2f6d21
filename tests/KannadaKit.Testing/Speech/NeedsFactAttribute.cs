using Xunit;

namespace KannadaKit.Testing.Speech;

/// <summary>
/// A fact that skips, naming what is missing, unless every requirement holds: "ffmpeg", "espeak-ng", "silero" (the
/// npm VAD archive), "fonts" (Noto Sans Kannada), or "shared:PATH" (a file under ../shared).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NeedsFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public NeedsFactAttribute(params string[] requirements)
    {
        if (SpeechRequirements.SkipReason(requirements) is { } reason)
        {
            Skip = reason;
        }
    }
}
