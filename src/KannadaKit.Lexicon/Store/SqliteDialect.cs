namespace KannadaKit.Lexicon.Store;

/// <summary>SQLite: FTS5 with the trigram tokenizer for substrings and porter for glosses, kept by triggers.</summary>
internal sealed class SqliteDialect : StoreDialect
{
    public static SqliteDialect Instance { get; } = new();

    public override string Schema => LexiconSchema.Create;

    public override string ProposalsSchema => LexiconSchema.Proposals;

    public override string FormsOrder => "f.rowid";

    public override bool PrepareStatements => true;

    public override string TableExists => "SELECT count(*) > 0 FROM sqlite_master WHERE name = @t";

    public override string? AfterImport => null; // SQLite's planner needs no statistics for these indexed lookups

    public override string? LockForImport => null; // one writer at a time is SQLite's own rule

    public override (string Sql, (string Name, object Value)[] Args) Substring(string columns, string q, int limit) =>
        // The trigram index needs three code points; shorter strings are common, so a bounded scan finds enough.
        q.EnumerateRunes().Count() >= 3
            ? ($"""
                SELECT {columns} FROM headword_trigrams t JOIN entries e ON e.id = t.rowid
                WHERE headword_trigrams MATCH @m LIMIT 2000
                """, [("@m", Phrase(q))])
            : ($"SELECT {columns} FROM entries e WHERE instr(e.headword, @q) > 0 LIMIT 2000", [("@q", q)]);

    public override (string Sql, (string Name, object Value)[] Args) English(string columns, IReadOnlyList<string> words) =>
        ($"""
            SELECT {columns}, s.gloss, bm25(gloss_words), s.id FROM gloss_words JOIN senses s ON s.id = gloss_words.rowid
            JOIN entries e ON e.id = s.entry_id WHERE gloss_words MATCH @m ORDER BY bm25(gloss_words) LIMIT 500
            """, [("@m", string.Join(' ', words.Select(Phrase)))]);

    // A quoted FTS5 phrase: the text cannot become FTS syntax.
    private static string Phrase(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
