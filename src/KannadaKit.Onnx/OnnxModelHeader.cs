namespace KannadaKit.Onnx;

/// <summary>
/// The top-level facts of an ONNX file that ONNX Runtime's API does not report: IR version and operator sets. Read by
/// scanning the ModelProto's top-level protobuf fields (the graph is skipped, not parsed).
/// </summary>
/// <param name="IrVersion">ModelProto.ir_version.</param>
/// <param name="Opsets">Operator set versions by domain ("" is the default ONNX domain).</param>
/// <param name="ProducerVersion">ModelProto.producer_version.</param>
public sealed record OnnxModelHeader(long IrVersion, IReadOnlyDictionary<string, long> Opsets, string ProducerVersion)
{
    /// <summary>Reads the header of a model file.</summary>
    /// <exception cref="OnnxRuntimeException">With <see cref="OrtErrorCode.InvalidProtobuf"/> and the byte offset when the file is not a protobuf.</exception>
    public static OnnxModelHeader Read(string path)
    {
        using var stream = File.OpenRead(path);
        long ir = 0;
        var producerVersion = "";
        var opsets = new SortedDictionary<string, long>(StringComparer.Ordinal);
        while (stream.Position < stream.Length)
        {
            var at = stream.Position;
            var tag = Varint(stream, path, at);
            var field = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0:
                    var value = Varint(stream, path, at);
                    if (field == 1)
                    {
                        ir = (long)value;
                    }
                    break;
                case 1:
                    stream.Seek(8, SeekOrigin.Current);
                    break;
                case 5:
                    stream.Seek(4, SeekOrigin.Current);
                    break;
                case 2:
                    var length = (long)Varint(stream, path, at);
                    if (length < 0 || stream.Position + length > stream.Length)
                    {
                        throw Bad(path, at, "a length-delimited field inside the file");
                    }
                    if (field is 3 or 8)
                    {
                        var bytes = new byte[length];
                        stream.ReadExactly(bytes);
                        if (field == 3)
                        {
                            producerVersion = System.Text.Encoding.UTF8.GetString(bytes);
                        }
                        else
                        {
                            var (domain, version) = Opset(bytes, path, at);
                            opsets[domain] = version;
                        }
                    }
                    else
                    {
                        stream.Seek(length, SeekOrigin.Current);
                    }
                    break;
                default:
                    throw Bad(path, at, "a protobuf field tag (ONNX ModelProto)");
            }
        }
        return new OnnxModelHeader(ir, opsets, producerVersion);
    }

    private static (string, long) Opset(byte[] bytes, string path, long at)
    {
        using var s = new MemoryStream(bytes);
        var domain = "";
        long version = 0;
        while (s.Position < s.Length)
        {
            var tag = Varint(s, path, at);
            if ((tag & 7) == 0)
            {
                var v = Varint(s, path, at);
                if (tag >> 3 == 2)
                {
                    version = (long)v;
                }
            }
            else if ((tag & 7) == 2)
            {
                var b = new byte[(int)Varint(s, path, at)];
                s.ReadExactly(b);
                if (tag >> 3 == 1)
                {
                    domain = System.Text.Encoding.UTF8.GetString(b);
                }
            }
            else
            {
                throw Bad(path, at, "an OperatorSetIdProto");
            }
        }
        return (domain, version);
    }

    private static ulong Varint(Stream s, string path, long at)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = s.ReadByte();
            if (b < 0)
            {
                throw Bad(path, at, "a complete varint");
            }
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }
        throw Bad(path, at, "a varint of at most 10 bytes");
    }

    private static OnnxRuntimeException Bad(string path, long offset, string expected) =>
        new(OrtErrorCode.InvalidProtobuf, $"{path}: byte {offset}: expected {expected}");
}
