namespace KannadaKit.Generation.Processors;

/// <summary>Numerically stable softmax and log-softmax in double precision.</summary>
internal static class Softmax
{
    public static double[] Of(ReadOnlySpan<float> scores)
    {
        var result = LogOf(scores);
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Math.Exp(result[i]);
        }
        return result;
    }

    public static double[] LogOf(ReadOnlySpan<float> scores)
    {
        var max = double.NegativeInfinity;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }
        double sum = 0;
        foreach (var s in scores)
        {
            sum += Math.Exp(s - max);
        }
        var log = max + Math.Log(sum);
        var result = new double[scores.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = scores[i] - log;
        }
        return result;
    }
}
