namespace KannadaKit.Lexicon.Store;

/// <summary>The SQLite schema. Facts live per source so that a re-import replaces exactly that source's facts.</summary>
internal static class LexiconSchema
{
    public const string Format = "kannadakit-lexicon";
    public const int Version = 2;

    /// <summary>The review queue: added to version-2 files when a queue first opens them, so no rebuild is needed.</summary>
    public const string Proposals = """
        CREATE TABLE IF NOT EXISTS proposals(
            id INTEGER PRIMARY KEY, headword TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, note TEXT NOT NULL,
            contributor TEXT NOT NULL, status TEXT NOT NULL, submitted TEXT NOT NULL, reviewed TEXT, review_note TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS proposals_status ON proposals(status, id);
        CREATE INDEX IF NOT EXISTS proposals_headword ON proposals(headword, status);
        """;

    public const string Create = Proposals + """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS sources(id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, licence TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS entries(
            id INTEGER PRIMARY KEY,
            headword TEXT UNIQUE NOT NULL,
            phonetic TEXT NOT NULL,
            iso TEXT NOT NULL,
            ipa TEXT NOT NULL,
            first_ak TEXT NOT NULL,
            last_ak TEXT NOT NULL,
            ak_len INTEGER NOT NULL,
            aks TEXT NOT NULL DEFAULT '',
            last2 TEXT NOT NULL DEFAULT '',
            frequency INTEGER NOT NULL DEFAULT 0,
            origin TEXT NOT NULL DEFAULT 'unknown',
            origin_confidence REAL NOT NULL DEFAULT 0,
            gloss TEXT NOT NULL DEFAULT '');
        CREATE INDEX IF NOT EXISTS entries_phonetic ON entries(phonetic);
        CREATE INDEX IF NOT EXISTS entries_first ON entries(first_ak, ak_len);
        CREATE INDEX IF NOT EXISTS entries_last ON entries(last_ak, ak_len);
        CREATE INDEX IF NOT EXISTS entries_last2 ON entries(last2, ak_len);
        CREATE TABLE IF NOT EXISTS senses(
            id INTEGER PRIMARY KEY, entry_id INTEGER NOT NULL, source_id INTEGER NOT NULL,
            pos TEXT NOT NULL, gloss TEXT NOT NULL, kn_gloss TEXT NOT NULL, qualifier TEXT NOT NULL, ref TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS senses_entry ON senses(entry_id, source_id);
        CREATE TABLE IF NOT EXISTS facts(
            id INTEGER PRIMARY KEY, entry_id INTEGER NOT NULL, source_id INTEGER NOT NULL,
            kind TEXT NOT NULL, text TEXT NOT NULL, extra TEXT NOT NULL, ref TEXT NOT NULL, number REAL NOT NULL);
        CREATE INDEX IF NOT EXISTS facts_entry ON facts(entry_id, source_id);
        CREATE TABLE IF NOT EXISTS forms(form TEXT NOT NULL, entry_id INTEGER NOT NULL, source_id INTEGER NOT NULL, tags TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS forms_form ON forms(form);
        CREATE INDEX IF NOT EXISTS forms_entry ON forms(entry_id, source_id);
        CREATE VIRTUAL TABLE IF NOT EXISTS headword_trigrams USING fts5(headword, content='entries', content_rowid='id', tokenize='trigram');
        CREATE TRIGGER IF NOT EXISTS entries_ai AFTER INSERT ON entries BEGIN
            INSERT INTO headword_trigrams(rowid, headword) VALUES (new.id, new.headword); END;
        CREATE TRIGGER IF NOT EXISTS entries_ad AFTER DELETE ON entries BEGIN
            INSERT INTO headword_trigrams(headword_trigrams, rowid, headword) VALUES ('delete', old.id, old.headword); END;
        CREATE VIRTUAL TABLE IF NOT EXISTS gloss_words USING fts5(gloss, content='senses', content_rowid='id', tokenize='porter unicode61');
        CREATE TRIGGER IF NOT EXISTS senses_ai AFTER INSERT ON senses BEGIN
            INSERT INTO gloss_words(rowid, gloss) VALUES (new.id, new.gloss); END;
        CREATE TRIGGER IF NOT EXISTS senses_ad AFTER DELETE ON senses BEGIN
            INSERT INTO gloss_words(gloss_words, rowid, gloss) VALUES ('delete', old.id, old.gloss); END;
        """;
}
