using System.Data.Common;

namespace KannadaKit.Lexicon.Store;

/// <summary>Commands with bound parameters, the same for SQLite and PostgreSQL.</summary>
internal static class DbCommands
{
    public static DbCommand Create(DbConnection db, string sql, DbTransaction? tx = null, params (string Name, object? Value)[] args)
    {
        var c = db.CreateCommand();
        c.Transaction = tx;
        c.CommandText = sql;
        foreach (var (name, value) in args)
            c.Add(name, value);
        return c;
    }

    public static DbParameter Add(this DbCommand c, string name, object? value)
    {
        var p = c.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        c.Parameters.Add(p);
        return p;
    }

    public static int Exec(DbConnection db, string sql, DbTransaction? tx = null, params (string Name, object? Value)[] args)
    {
        using var c = Create(db, sql, tx, args);
        return c.ExecuteNonQuery();
    }

    public static object? Scalar(DbConnection db, string sql, DbTransaction? tx = null, params (string Name, object? Value)[] args)
    {
        using var c = Create(db, sql, tx, args);
        return c.ExecuteScalar();
    }
}
