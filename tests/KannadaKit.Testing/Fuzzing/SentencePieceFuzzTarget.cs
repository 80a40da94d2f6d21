using KannadaKit.Tokenizers;

namespace KannadaKit.Testing.Fuzzing;

/// <summary>SentencePiece .model files: the repository's Unigram and BPE fixtures with their piece lists cut to the
/// first few hundred (every other field kept), so each input parses quickly.</summary>
public sealed class SentencePieceFuzzTarget : FuzzTarget
{
    private const int KeepPieces = 600;
    private readonly List<byte[]> _seeds;

    public SentencePieceFuzzTarget()
    {
        var folder = Path.Combine(SharedData.RepoRoot, "tests", "KannadaKit.Tokenizers.Tests", "Fixtures", "spm");
        _seeds = [.. Directory.GetFiles(folder, "*.model").Order(StringComparer.Ordinal).Select(f => Shrink(File.ReadAllBytes(f))).Where(RunsCleanly)];
    }

    public override string Name => "sentencepiece.model";

    public override IReadOnlyList<byte[]> Seeds => _seeds;

    public override void Run(byte[] input) => TokenizerFileFuzzTarget.Exercise(TokenizerFile.Load(input, "fuzz.model"));

    public override bool IsExpected(Exception e) => e is TokenizerException;

    /// <summary>Keeps the first pieces (field 1 of ModelProto) and every other top-level field.</summary>
    private static byte[] Shrink(byte[] model)
    {
        var output = new List<byte>();
        var pieces = 0;
        var i = 0;
        while (i < model.Length)
        {
            var start = i;
            var tag = Varint(model, ref i);
            var wire = (int)(tag & 7);
            if (wire == 2)
            {
                var length = (int)Varint(model, ref i);
                i += length;
            }
            else if (wire == 0)
            {
                Varint(model, ref i);
            }
            else
            {
                i += wire == 5 ? 4 : 8;
            }

            if (tag >> 3 != 1 || pieces++ < KeepPieces)
            {
                output.AddRange(model.AsSpan(start, i - start));
            }
        }

        return [.. output];
    }

    private static ulong Varint(byte[] data, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[i++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
