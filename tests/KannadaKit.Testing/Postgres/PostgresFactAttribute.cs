using Xunit;

namespace KannadaKit.Testing.Postgres;

/// <summary>A fact that needs the PostgreSQL test server; skips with the reason when none is configured.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public PostgresFactAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
            Skip = reason;
    }
}
