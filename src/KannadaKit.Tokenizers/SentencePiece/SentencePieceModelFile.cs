using System.Text;
using Google.Protobuf;

namespace KannadaKit.Tokenizers.SentencePiece;

/// <summary>
/// The parts of a SentencePiece <c>.model</c> (a protobuf ModelProto) the encoder needs, read with Google.Protobuf's
/// wire reader (the one Microsoft.ML.Tokenizers uses); unknown fields are skipped, as protobuf requires, and every
/// error names its byte offset.
/// </summary>
internal sealed class SentencePieceModelFile
{
    public List<SpmPiece> Pieces { get; } = [];

    /// <summary>TrainerSpec.model_type: 1 unigram (default), 2 BPE, 3 word, 4 char.</summary>
    public int ModelType { get; private set; } = 1;

    public bool TreatWhitespaceAsSuffix { get; private set; }

    public bool ByteFallback { get; private set; }

    public int UnknownId { get; private set; }

    public int BosId { get; private set; } = 1;

    public int EosId { get; private set; } = 2;

    public int PadId { get; private set; } = -1;

    public string UnknownSurface { get; private set; } = " \u2047 ";

    public string NormalizerName { get; private set; } = string.Empty;

    public byte[] PrecompiledCharsMap { get; private set; } = [];

    public bool AddDummyPrefix { get; private set; } = true;

    public bool RemoveExtraWhitespaces { get; private set; } = true;

    public bool EscapeWhitespaces { get; private set; } = true;

    public static SentencePieceModelFile Parse(ReadOnlySpan<byte> data, string file)
    {
        var model = new SentencePieceModelFile();
        var input = new CodedInputStream(data.ToArray());
        try
        {
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                switch (tag)
                {
                    case PiecesTag:
                        model.Pieces.Add(Nested(input, file, (r, at) => ReadPiece(r, file, at)));
                        break;
                    case TrainerSpecTag:
                        Nested(input, file, (r, _) => model.ReadTrainerSpec(r));
                        break;
                    case NormalizerSpecTag:
                        Nested(input, file, (r, at) => model.ReadNormalizerSpec(r, file, at));
                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            }
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new TokenizerFormatException(file, $"byte {input.Position}", $"not a SentencePiece model protobuf ({e.Message.TrimEnd('.')})");
        }

        if (model.Pieces.Count == 0)
        {
            throw new TokenizerFormatException(file, "byte 0", "no pieces: not a SentencePiece model");
        }

        // Ids the encoder emits must be pieces (regression: unk_id 999999 or -1 produced ids decode then refused).
        var n = model.Pieces.Count;
        if (model.UnknownId < 0 || model.UnknownId >= n)
        {
            throw new TokenizerFormatException(file, "trainer_spec.unk_id", $"{model.UnknownId} is not a piece id (expected 0 to {n - 1})");
        }
        if (model.BosId < -1 || model.BosId >= n)
        {
            throw new TokenizerFormatException(file, "trainer_spec.bos_id", $"{model.BosId} is not a piece id (expected -1 to {n - 1})");
        }
        if (model.EosId < -1 || model.EosId >= n)
        {
            throw new TokenizerFormatException(file, "trainer_spec.eos_id", $"{model.EosId} is not a piece id (expected -1 to {n - 1})");
        }

        return model;
    }

    // Tags: field number << 3 | wire type (0 varint, 2 length-delimited, 5 32-bit).
    private const uint PiecesTag = (1 << 3) | 2;
    private const uint TrainerSpecTag = (2 << 3) | 2;
    private const uint NormalizerSpecTag = (3 << 3) | 2;

    /// <summary>Reads a length-delimited sub-message with its own reader; an error inside it names the absolute offset.</summary>
    private static T Nested<T>(CodedInputStream input, string file, Func<CodedInputStream, long, T> read)
    {
        var bytes = input.ReadBytes();
        var start = input.Position - bytes.Length;
        var inner = new CodedInputStream(bytes.ToByteArray());
        try
        {
            return read(inner, start);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new TokenizerFormatException(file, $"byte {start + inner.Position}", $"not a SentencePiece model protobuf ({e.Message.TrimEnd('.')})");
        }
    }

    private static string Utf8(CodedInputStream input, string file, long baseOffset)
    {
        var at = baseOffset + input.Position;
        try
        {
            return new UTF8Encoding(false, true).GetString(input.ReadBytes().Span);
        }
        catch (DecoderFallbackException)
        {
            throw new TokenizerFormatException(file, $"byte {at}", "string is not valid UTF-8");
        }
    }

    private static SpmPiece ReadPiece(CodedInputStream input, string file, long at)
    {
        string? piece = null;
        var score = 0f;
        var type = PieceType.Normal;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (tag)
            {
                case (1 << 3) | 2: piece = Utf8(input, file, at); break;
                case (2 << 3) | 5: score = input.ReadFloat(); break;
                case (3 << 3) | 0: type = (PieceType)input.ReadInt32(); break;
                default: input.SkipLastField(); break;
            }
        }

        return piece is null ? throw new TokenizerFormatException(file, $"byte {at}", "piece without text") : new SpmPiece(piece, score, type);
    }

    private int ReadTrainerSpec(CodedInputStream input)
    {
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (tag)
            {
                case (3 << 3) | 0: ModelType = input.ReadInt32(); break;
                case (24 << 3) | 0: TreatWhitespaceAsSuffix = input.ReadBool(); break;
                case (35 << 3) | 0: ByteFallback = input.ReadBool(); break;
                case (40 << 3) | 0: UnknownId = input.ReadInt32(); break;
                case (41 << 3) | 0: BosId = input.ReadInt32(); break;
                case (42 << 3) | 0: EosId = input.ReadInt32(); break;
                case (43 << 3) | 0: PadId = input.ReadInt32(); break;
                case (44 << 3) | 2: UnknownSurface = input.ReadString(); break;
                default: input.SkipLastField(); break;
            }
        }

        return 0;
    }

    private int ReadNormalizerSpec(CodedInputStream input, string file, long at)
    {
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (tag)
            {
                case (1 << 3) | 2: NormalizerName = Utf8(input, file, at); break;
                case (2 << 3) | 2: PrecompiledCharsMap = input.ReadBytes().ToByteArray(); break;
                case (3 << 3) | 0: AddDummyPrefix = input.ReadBool(); break;
                case (4 << 3) | 0: RemoveExtraWhitespaces = input.ReadBool(); break;
                case (5 << 3) | 0: EscapeWhitespaces = input.ReadBool(); break;
                default: input.SkipLastField(); break;
            }
        }

        return 0;
    }
}
