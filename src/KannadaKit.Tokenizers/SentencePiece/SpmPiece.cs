using System.Buffers.Binary;
using System.Text;

namespace KannadaKit.Tokenizers.SentencePiece;

/// <summary>One vocabulary entry of a .model file.</summary>
internal readonly record struct SpmPiece(string Piece, float Score, PieceType Type);
