using System.Text.RegularExpressions;
using Ort = Microsoft.ML.OnnxRuntime;

namespace KannadaKit.Onnx;

/// <summary>Turns the package's exceptions into ours: the error code read from ORT's <c>[ErrorCode:Name]</c> prefix
/// (the managed exception does not expose it), ORT's multi-line text flattened to one line, the source named.</summary>
internal static partial class OrtErrors
{
    public static OnnxRuntimeException From(Ort.OnnxRuntimeException e, string source)
    {
        var message = e.Message;
        var code = OrtErrorCode.Fail;
        var m = CodePrefix().Match(message);
        if (m.Success)
        {
            code = m.Groups[1].Value == "ExecutionProviderFail" ? OrtErrorCode.EpFail
                : Enum.TryParse<OrtErrorCode>(m.Groups[1].Value, out var parsed) ? parsed : OrtErrorCode.Fail;
            message = message[m.Length..];
        }
        return new OnnxRuntimeException(code, $"{source}: {OneLine(message)}", e);
    }

    /// <summary>ORT's messages can span lines; the CLI prints one.</summary>
    public static string OneLine(string message) => Whitespace().Replace(message, " ").Trim();

    [GeneratedRegex(@"^\s*\[ErrorCode:(\w+)\]\s*")]
    private static partial Regex CodePrefix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
