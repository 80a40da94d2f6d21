using System.Diagnostics;

namespace KannadaKit.Testing.Fuzzing;

/// <summary>Runs mutated inputs through a target: each must load or be refused with the promised error, within a
/// time limit. Failing inputs are written to <see cref="FailureDirectory"/> to reproduce.</summary>
public static class Fuzzer
{
    /// <summary>How long one input may take before it counts as a hang.</summary>
    public static readonly TimeSpan InputTimeLimit = TimeSpan.FromSeconds(20);

    public static string FailureDirectory => Path.Combine(Path.GetTempPath(), "kannadakit-fuzz-failures");

    /// <param name="target">The parser.</param>
    /// <param name="count">How many mutated inputs.</param>
    /// <param name="seed">Random seed (the same seed gives the same inputs).</param>
    /// <param name="progress">Called every 1,000 inputs with the count so far.</param>
    public static FuzzReport Run(FuzzTarget target, int count, int seed, Action<int>? progress = null)
    {
        var mutator = new Mutator(seed);
        var random = new Random(seed);
        var failures = new List<string>();
        int accepted = 0, refused = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count && failures.Count < 20; i++)
        {
            var seedInput = target.Seeds[random.Next(target.Seeds.Count)];
            var input = mutator.Mutate(seedInput, target.IsText);
            Exception? error = null;
            var run = Task.Run(() => target.Run(input));
            try
            {
                if (!run.Wait(InputTimeLimit))
                {
                    failures.Add(Save(target, i, input, $"no answer within {InputTimeLimit.TotalSeconds:0} s"));
                    continue;
                }
            }
            catch (AggregateException e)
            {
                error = e.InnerException;
            }

            if (error is null)
            {
                accepted++;
            }
            else if (target.IsExpected(error))
            {
                if (error.Message.Contains('\n', StringComparison.Ordinal))
                {
                    failures.Add(Save(target, i, input, "multi-line error: " + error.Message));
                }

                refused++;
            }
            else
            {
                failures.Add(Save(target, i, input, $"{error.GetType().Name}: {error.Message}\n{error.StackTrace}"));
            }

            if ((i + 1) % 1000 == 0)
            {
                progress?.Invoke(i + 1);
            }
        }

        return new FuzzReport(target.Name, accepted + refused + failures.Count, accepted, refused, failures, clock.Elapsed);
    }

    private static string Save(FuzzTarget target, int index, byte[] input, string what)
    {
        Directory.CreateDirectory(FailureDirectory);
        var file = Path.Combine(FailureDirectory, $"{target.Name}-{index}.bin");
        File.WriteAllBytes(file, input);
        return $"input {index} ({file}): {what}";
    }
}
