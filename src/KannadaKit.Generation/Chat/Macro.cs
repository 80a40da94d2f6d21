namespace KannadaKit.Generation.Chat;

/// <summary>A <c>{% macro %}</c> defined while rendering: calling it renders its body with the arguments bound and
/// gives the text.</summary>
internal sealed class Macro(string name, Func<IReadOnlyList<(string? Key, object? Value)>, string> invoke)
{
    public string Name => name;

    public string Invoke(IReadOnlyList<(string? Key, object? Value)> arguments) => invoke(arguments);
}
