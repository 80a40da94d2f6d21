using KannadaKit.Text.Transliteration.Romanized;

namespace KannadaKit.Testing.Fuzzing;

/// <summary>.kkrm romanized-input models: a small model trained from hand-written pairs. Most byte edits are caught
/// by the checksum; the target also fuzzes behind it by fixing the checksum of each mutated body.</summary>
public sealed class RomanizedModelFuzzTarget : FuzzTarget
{
    private static readonly (string, string, int)[] Pairs =
    [
        ("ಕನ್ನಡ", "kannada", 5), ("ನಾಡು", "naadu", 3), ("ನಾಡು", "nadu", 4), ("ಮನೆ", "mane", 5), ("ನೀರು", "neeru", 4),
        ("ಹಾಲು", "haalu", 3), ("ಊರು", "ooru", 4), ("ಶಾಲೆ", "shaale", 3), ("ಕಥೆ", "kathe", 4), ("ದಿನ", "dina", 5),
    ];

    private static readonly (string, int)[] Words = [("ಕನ್ನಡ", 50), ("ನಾಡು", 20), ("ಮನೆಯಲ್ಲಿ", 8), ("ಶಾಲೆಯಲ್ಲಿ", 6)];

    private readonly byte[] _seed;
    private int _runs;

    public RomanizedModelFuzzTarget()
    {
        using var buffer = new MemoryStream();
        RomanizedModel.Train(Pairs, Words).Save(buffer);
        _seed = buffer.ToArray();
    }

    public override string Name => "romanized.kkrm";

    public override IReadOnlyList<byte[]> Seeds => [_seed];

    public override void Run(byte[] input)
    {
        // Every other input gets a valid checksum, so the checks behind it are reached too.
        if (Interlocked.Increment(ref _runs) % 2 == 0 && input.Length > 32)
        {
            System.Security.Cryptography.SHA256.HashData(input.AsSpan(0, input.Length - 32)).CopyTo(input, input.Length - 32);
        }

        var model = RomanizedModel.Load(new MemoryStream(input));
        var decoder = new RomanizedDecoder(model);
        foreach (var word in new[] { "kannada", "maneyalli", "naadu", "x" })
        {
            _ = decoder.Decode(word);
        }
    }

    public override bool IsExpected(Exception e) => e is InvalidDataException;
}
