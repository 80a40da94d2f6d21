namespace KannadaKit.Generation.Chat;

/// <summary>One turn of a conversation.</summary>
/// <param name="Role">system, user or assistant (whatever the template expects).</param>
/// <param name="Content">The text.</param>
public sealed record ChatMessage(string Role, string Content);
