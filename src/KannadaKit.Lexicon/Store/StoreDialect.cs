using System.Data.Common;

namespace KannadaKit.Lexicon.Store;

/// <summary>
/// What differs between the store's two databases: the schema, full-text search, and a few functions. Everything else
/// is the same SQL (named <c>@</c> parameters, <c>RETURNING</c>, <c>ON CONFLICT</c>) over <see cref="DbConnection"/>.
/// </summary>
internal abstract class StoreDialect
{
    /// <summary>Creates every table and index (idempotent).</summary>
    public abstract string Schema { get; }

    /// <summary>Creates the review queue's table (idempotent).</summary>
    public abstract string ProposalsSchema { get; }

    /// <summary>The column that orders forms as inserted.</summary>
    public abstract string FormsOrder { get; }

    /// <summary>Whether statements are prepared up front (SQLite); PostgreSQL types parameters when they are bound.</summary>
    public abstract bool PrepareStatements { get; }

    /// <summary>SQL that is true when the table named by <c>@t</c> exists.</summary>
    public abstract string TableExists { get; }

    /// <summary>Run at the end of an import: fresh planner statistics, or a just-built table gets scanned, not indexed.</summary>
    public abstract string? AfterImport { get; }

    /// <summary>Run at the start of an import transaction to keep other writers out until it commits.</summary>
    public abstract string? LockForImport { get; }

    /// <summary>
    /// Rows of <paramref name="columns"/> (over entries <c>e</c>) whose headword contains the query; at least the
    /// <paramref name="limit"/> most frequent of them when the database can order cheaply.
    /// </summary>
    public abstract (string Sql, (string Name, object Value)[] Args) Substring(string columns, string q, int limit);

    /// <summary>
    /// Rows of <paramref name="columns"/>, then the sense's gloss, a rank (lower is better) and the sense id, for senses
    /// whose English gloss has every word of <paramref name="words"/>.
    /// </summary>
    public abstract (string Sql, (string Name, object Value)[] Args) English(string columns, IReadOnlyList<string> words);
}
