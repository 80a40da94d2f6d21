namespace KannadaKit.Speech.Vad;

/// <summary>
/// The built-in detector when no Silero model is present: frame energy against a tracked noise floor, mapped to a
/// probability by a logistic curve (0.5 at <see cref="MarginDb"/> above the floor). Crude next to Silero (music and
/// noise bursts count as speech) but needs nothing.
/// </summary>
public sealed class EnergyVad : IVoiceDetector
{
    private const int Frame = 512;
    private double _floorDb = double.NaN;

    /// <summary>Decibels above the noise floor where the probability is 0.5.</summary>
    public double MarginDb { get; init; } = 12;

    /// <summary>Frames quieter than this are silence whatever the floor (digital silence, hum).</summary>
    public double AbsoluteFloorDb { get; init; } = -55;

    /// <inheritdoc />
    public int FrameSamples => Frame;

    /// <inheritdoc />
    public string Name => "energy";

    /// <inheritdoc />
    public float Process(ReadOnlySpan<float> frame)
    {
        double sum = 0;
        foreach (float s in frame)
        {
            sum += s * s;
        }

        double db = 10 * Math.Log10((sum / Math.Max(frame.Length, 1)) + 1e-12);
        // Media that opens with speech must not take the speech for the floor: start no higher than just above the
        // absolute floor, and let quiet frames pull it down quickly and loud ones raise it slowly.
        _floorDb = double.IsNaN(_floorDb) ? Math.Min(db, AbsoluteFloorDb + 10)
            : db < _floorDb ? (0.7 * _floorDb) + (0.3 * db) : (0.995 * _floorDb) + (0.005 * db);
        double floor = Math.Max(AbsoluteFloorDb, _floorDb);
        double x = db - (floor + MarginDb);
        return db < AbsoluteFloorDb ? 0f : (float)(1 / (1 + Math.Exp(-x / 2)));
    }

    /// <inheritdoc />
    public void Reset() => _floorDb = double.NaN;

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
