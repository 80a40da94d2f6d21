namespace KannadaKit.Generation;

/// <summary>When beam search stops (transformers' <c>early_stopping</c>: true, false or "never").</summary>
public enum EarlyStopping
{
    /// <summary>As soon as there are as many finished hypotheses as beams (<c>true</c>).</summary>
    WhenBeamsFinished,

    /// <summary>When no running beam can beat the worst finished one at the current length (<c>false</c>, the default).</summary>
    Heuristic,

    /// <summary>Only when no running beam could beat it at any length up to the maximum (<c>"never"</c>).</summary>
    Never,
}
