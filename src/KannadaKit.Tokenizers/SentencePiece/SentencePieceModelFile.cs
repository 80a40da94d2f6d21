using System.Buffers.Binary;
using System.Text;

namespace KannadaKit.Tokenizers.SentencePiece;

/// <summary>
/// The parts of a SentencePiece <c>.model</c> (a protobuf ModelProto) the encoder needs, read by a small hand-written
/// wire-format reader; unknown fields are skipped, as protobuf requires.
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
        var reader = new Reader(data, 0, file);
        while (!reader.End)
        {
            var (field, wire, at) = reader.Key();
            switch (field, wire)
            {
                case (1, 2):
                    model.Pieces.Add(ReadPiece(reader.Nested(out var p), file, p));
                    break;
                case (2, 2):
                    model.ReadTrainerSpec(reader.Nested(out _));
                    break;
                case (3, 2):
                    model.ReadNormalizerSpec(reader.Nested(out _));
                    break;
                default:
                    reader.Skip(wire, at);
                    break;
            }
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

    private static SpmPiece ReadPiece(Reader r, string file, int at)
    {
        string? piece = null;
        var score = 0f;
        var type = PieceType.Normal;
        while (!r.End)
        {
            var (field, wire, pos) = r.Key();
            switch (field, wire)
            {
                case (1, 2):
                    piece = r.String();
                    break;
                case (2, 5):
                    score = r.Float();
                    break;
                case (3, 0):
                    type = (PieceType)r.Varint();
                    break;
                default:
                    r.Skip(wire, pos);
                    break;
            }
        }

        return piece is null ? throw new TokenizerFormatException(file, $"byte {at}", "piece without text") : new SpmPiece(piece, score, type);
    }

    private void ReadTrainerSpec(Reader r)
    {
        while (!r.End)
        {
            var (field, wire, pos) = r.Key();
            switch (field, wire)
            {
                case (3, 0): ModelType = (int)r.Varint(); break;
                case (24, 0): TreatWhitespaceAsSuffix = r.Varint() != 0; break;
                case (35, 0): ByteFallback = r.Varint() != 0; break;
                case (40, 0): UnknownId = (int)r.Varint(); break;
                case (41, 0): BosId = (int)r.Varint(); break;
                case (42, 0): EosId = (int)r.Varint(); break;
                case (43, 0): PadId = (int)r.Varint(); break;
                case (44, 2): UnknownSurface = r.String(); break;
                default: r.Skip(wire, pos); break;
            }
        }
    }

    private void ReadNormalizerSpec(Reader r)
    {
        while (!r.End)
        {
            var (field, wire, pos) = r.Key();
            switch (field, wire)
            {
                case (1, 2): NormalizerName = r.String(); break;
                case (2, 2): PrecompiledCharsMap = r.Bytes().ToArray(); break;
                case (3, 0): AddDummyPrefix = r.Varint() != 0; break;
                case (4, 0): RemoveExtraWhitespaces = r.Varint() != 0; break;
                case (5, 0): EscapeWhitespaces = r.Varint() != 0; break;
                default: r.Skip(wire, pos); break;
            }
        }
    }

    /// <summary>Protobuf wire reader over a byte span; every error names the absolute byte offset.</summary>
    private ref struct Reader(ReadOnlySpan<byte> data, int baseOffset, string file)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _pos;

        public readonly bool End => _pos >= _data.Length;

        public (int Field, int Wire, int At) Key()
        {
            var at = baseOffset + _pos;
            var key = Varint();
            return ((int)(key >> 3), (int)(key & 7), at);
        }

        public ulong Varint()
        {
            ulong result = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                if (_pos >= _data.Length)
                {
                    throw Truncated();
                }

                var b = _data[_pos++];
                result |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return result;
                }
            }

            throw new TokenizerFormatException(file, $"byte {baseOffset + _pos}", "varint longer than 10 bytes");
        }

        public float Float()
        {
            if (_pos + 4 > _data.Length)
            {
                throw Truncated();
            }

            var v = BinaryPrimitives.ReadSingleLittleEndian(_data[_pos..]);
            _pos += 4;
            return v;
        }

        public ReadOnlySpan<byte> Bytes()
        {
            var len = Varint();
            if (len > (ulong)(_data.Length - _pos))
            {
                throw Truncated();
            }

            var slice = _data.Slice(_pos, (int)len);
            _pos += (int)len;
            return slice;
        }

        public string String()
        {
            var at = baseOffset + _pos;
            try
            {
                return new UTF8Encoding(false, true).GetString(Bytes());
            }
            catch (DecoderFallbackException)
            {
                throw new TokenizerFormatException(file, $"byte {at}", "string is not valid UTF-8");
            }
        }

        public Reader Nested(out int at)
        {
            var len = Varint();
            at = baseOffset + _pos;
            if (len > (ulong)(_data.Length - _pos))
            {
                throw Truncated();
            }

            var nested = new Reader(_data.Slice(_pos, (int)len), at, file);
            _pos += (int)len;
            return nested;
        }

        public void Skip(int wire, int at)
        {
            switch (wire)
            {
                case 0: Varint(); break;
                case 1: Advance(8); break;
                case 2: Bytes(); break;
                case 5: Advance(4); break;
                default: throw new TokenizerFormatException(file, $"byte {at}", $"unsupported protobuf wire type {wire}");
            }
        }

        private void Advance(int n)
        {
            if (_pos + n > _data.Length)
            {
                throw Truncated();
            }

            _pos += n;
        }

        private readonly TokenizerFormatException Truncated() =>
            new(file, $"byte {baseOffset + _pos}", "file ends inside a protobuf field (truncated model?)");
    }
}
