namespace KannadaKit.Generation;

/// <summary>Why a sequence stopped.</summary>
public enum FinishReason
{
    /// <summary>An end-of-sequence token was generated.</summary>
    EndToken,

    /// <summary>The length limit was reached.</summary>
    Length,
}
