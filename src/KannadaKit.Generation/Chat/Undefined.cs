using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KannadaKit.Generation.Chat;

/// <summary>An undefined name: renders as nothing, is falsy, fails <c>is defined</c>.</summary>
internal sealed class Undefined
{
    public static readonly Undefined Value = new();

    private Undefined()
    {
    }
}
