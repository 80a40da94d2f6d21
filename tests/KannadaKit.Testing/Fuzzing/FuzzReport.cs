namespace KannadaKit.Testing.Fuzzing;

/// <summary>What one fuzzing run found: inputs that loaded, inputs refused with the promised error, and failures
/// (other exceptions or runs past the time limit), each saved to a file for reproduction.</summary>
public sealed record FuzzReport(string Target, int Inputs, int Accepted, int Refused, IReadOnlyList<string> Failures, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"{Target}: {Inputs:N0} inputs, {Accepted:N0} loaded, {Refused:N0} refused, {Failures.Count} failures in {Elapsed.TotalSeconds:F1} s";
}
