using System.Globalization;

namespace KannadaKit.Generation.Chat;

/// <summary>A Jinja expression: evaluates against a scope of variables.</summary>
internal abstract record Expr
{
    public abstract object? Eval(Dictionary<string, object?> scope);
}
