using Google.Protobuf;

namespace KannadaKit.Onnx;

/// <summary>
/// The top-level facts of an ONNX file that ONNX Runtime's API does not report: IR version and operator sets. Read with
/// Google.Protobuf's wire reader over the ModelProto's top-level fields (the graph is skipped, not parsed).
/// </summary>
/// <param name="IrVersion">ModelProto.ir_version.</param>
/// <param name="Opsets">Operator set versions by domain ("" is the default ONNX domain).</param>
/// <param name="ProducerVersion">ModelProto.producer_version.</param>
public sealed record OnnxModelHeader(long IrVersion, IReadOnlyDictionary<string, long> Opsets, string ProducerVersion)
{
    private static readonly uint IrVersionTag = WireFormat.MakeTag(1, WireFormat.WireType.Varint);
    private static readonly uint ProducerVersionTag = WireFormat.MakeTag(3, WireFormat.WireType.LengthDelimited);
    private static readonly uint OpsetImportTag = WireFormat.MakeTag(8, WireFormat.WireType.LengthDelimited);
    private static readonly uint DomainTag = WireFormat.MakeTag(1, WireFormat.WireType.LengthDelimited);
    private static readonly uint VersionTag = WireFormat.MakeTag(2, WireFormat.WireType.Varint);

    /// <summary>Reads the header of a model file.</summary>
    /// <exception cref="OnnxRuntimeException">With <see cref="OrtErrorCode.InvalidProtobuf"/> and the byte offset when the file is not a protobuf.</exception>
    public static OnnxModelHeader Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var input = new CodedInputStream(stream, leaveOpen: true);
        long ir = 0;
        var producerVersion = "";
        var opsets = new SortedDictionary<string, long>(StringComparer.Ordinal);
        try
        {
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                if (tag == IrVersionTag)
                {
                    ir = input.ReadInt64();
                }
                else if (tag == ProducerVersionTag)
                {
                    producerVersion = input.ReadString();
                }
                else if (tag == OpsetImportTag)
                {
                    var (domain, version) = Opset(input);
                    opsets[domain] = version;
                }
                else
                {
                    input.SkipLastField();
                }
            }
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new OnnxRuntimeException(OrtErrorCode.InvalidProtobuf, $"{path}: byte {input.Position}: expected an ONNX ModelProto ({e.Message.TrimEnd('.')})");
        }

        return new OnnxModelHeader(ir, opsets, producerVersion);
    }

    private static (string, long) Opset(CodedInputStream outer)
    {
        var input = new CodedInputStream(outer.ReadBytes().ToByteArray());
        var domain = "";
        long version = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag == DomainTag)
            {
                domain = input.ReadString();
            }
            else if (tag == VersionTag)
            {
                version = input.ReadInt64();
            }
            else
            {
                input.SkipLastField();
            }
        }

        return (domain, version);
    }
}
