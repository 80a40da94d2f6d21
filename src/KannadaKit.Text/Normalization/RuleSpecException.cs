namespace KannadaKit.Text.Normalization;

/// <summary>A rule list such as <c>+quotes,-whitespace</c> names an unknown rule or a contradictory combination.</summary>
public sealed class RuleSpecException : ArgumentException
{
    /// <summary>Creates the exception with a message meant for the person who wrote the rule list.</summary>
    public RuleSpecException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RuleSpecException()
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public RuleSpecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
