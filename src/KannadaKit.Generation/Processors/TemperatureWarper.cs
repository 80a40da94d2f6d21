namespace KannadaKit.Generation.Processors;

/// <summary>Divides scores by the temperature (sampling only).</summary>
public sealed class TemperatureWarper : LogitsProcessor
{
    private readonly float _temperature;

    /// <summary>Creates the warper; the temperature must be positive.</summary>
    public TemperatureWarper(double temperature)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        _temperature = (float)temperature;
    }

    /// <inheritdoc />
    public override void Process(ReadOnlySpan<int> sequence, int promptLength, Span<float> scores)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] /= _temperature;
        }
    }
}
