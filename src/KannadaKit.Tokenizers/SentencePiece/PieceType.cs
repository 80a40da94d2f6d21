using System.Buffers.Binary;
using System.Text;

namespace KannadaKit.Tokenizers.SentencePiece;

/// <summary>Piece types of sentencepiece_model.proto.</summary>
internal enum PieceType
{
    Normal = 1,
    Unknown = 2,
    Control = 3,
    UserDefined = 4,
    Unused = 5,
    Byte = 6,
}
