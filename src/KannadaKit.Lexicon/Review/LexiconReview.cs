using System.Globalization;
using System.Text;
using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Store;
using System.Data.Common;

namespace KannadaKit.Lexicon.Review;

/// <summary>
/// Proposals from readers, held apart from the lexicon until a reviewer accepts them. Accepting writes the fact under
/// the <c>review</c> source in the same transaction that marks the proposal accepted, so the queue and the lexicon
/// never disagree; rejected proposals stay on record. Who may review is the caller's business (the web server checks a
/// token); this class checks what is proposed.
/// </summary>
public sealed class LexiconReview
{
    /// <summary>The source accepted proposals are filed under.</summary>
    public const string SourceName = "review";

    /// <summary>Contributors release what they propose under CC0, as the form says.</summary>
    public const string Licence = "CC0-1.0";

    /// <summary>Pending proposals kept at most; beyond this the queue refuses more until some are reviewed.</summary>
    public const int MaxPending = 10_000;

    private const int MaxWord = 64, MaxText = 500, MaxNote = 1000, MaxContributor = 100;

    private readonly LexiconStore _store;
    private readonly TimeProvider _clock;

    /// <summary>The queue of <paramref name="store"/>; a lexicon made before the queue existed gets its table now.</summary>
    public LexiconReview(LexiconStore store, TimeProvider? clock = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _clock = clock ?? TimeProvider.System;
        _store.EnsureProposals();
    }

    /// <summary>Checks, normalizes and queues a proposal.</summary>
    /// <exception cref="ReviewException">A field is empty, too long, in the wrong script or holds control characters; or the queue is full.</exception>
    public Proposal Submit(ProposalDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var d = Check(draft);
        return _store.InTransaction(tx =>
        {
            using var count = Command("SELECT count(*) FROM proposals WHERE status = 'pending'", tx);
            if (Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture) >= MaxPending)
                throw new ReviewException($"the review queue is full ({MaxPending:N0} pending proposals); try again after a review");
            var now = _clock.GetUtcNow();
            using var c = Command("""
                INSERT INTO proposals(headword, kind, text, note, contributor, status, submitted, reviewed, review_note)
                VALUES (@h, @k, @t, @n, @c, 'pending', @s, NULL, '') RETURNING id
                """, tx);
            c.Add("@h", d.Headword);
            c.Add("@k", ProposalKinds.Name(d.Kind));
            c.Add("@t", d.Text);
            c.Add("@n", d.Note);
            c.Add("@c", d.Contributor);
            c.Add("@s", Stamp(now));
            long id = Convert.ToInt64(c.ExecuteScalar(), CultureInfo.InvariantCulture);
            return new Proposal(id, d, ProposalStatus.Pending, now, null, "");
        });
    }

    /// <summary>Proposals with <paramref name="status"/>, oldest first.</summary>
    public IReadOnlyList<Proposal> List(ProposalStatus status = ProposalStatus.Pending, int limit = 100)
    {
        using var c = Command($"{Select} WHERE status = @s ORDER BY id LIMIT @n");
        c.Add("@s", StatusName(status));
        c.Add("@n", Math.Clamp(limit, 1, 1000));
        return Read(c);
    }

    /// <summary>The pending proposals about <paramref name="headword"/>.</summary>
    public int PendingFor(string headword)
    {
        ArgumentNullException.ThrowIfNull(headword);
        using var c = Command("SELECT count(*) FROM proposals WHERE headword = @h AND status = 'pending'");
        c.Add("@h", headword.Normalize(NormalizationForm.FormC));
        return Convert.ToInt32(c.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>One proposal, or null.</summary>
    public Proposal? Get(long id)
    {
        using var c = Command($"{Select} WHERE id = @i");
        c.Add("@i", id);
        return Read(c).FirstOrDefault();
    }

    /// <summary>Accepts a pending proposal: its fact enters the lexicon under <see cref="SourceName"/>, in one transaction.</summary>
    /// <exception cref="ReviewException">No such proposal, or it was reviewed already.</exception>
    public Proposal Accept(long id, string note = "") => Review(id, ProposalStatus.Accepted, note);

    /// <summary>Rejects a pending proposal; the lexicon does not change.</summary>
    /// <exception cref="ReviewException">No such proposal, or it was reviewed already.</exception>
    public Proposal Reject(long id, string note = "") => Review(id, ProposalStatus.Rejected, note);

    private Proposal Review(long id, ProposalStatus verdict, string note)
    {
        note = Field(note ?? "", "review note", MaxNote, allowEmpty: true);
        return _store.InTransaction(tx =>
        {
            using var find = Command($"{Select} WHERE id = @i", tx);
            find.Add("@i", id);
            var p = Read(find).FirstOrDefault() ?? throw new ReviewException($"proposal #{id}: no such proposal");
            if (p.Status != ProposalStatus.Pending)
                throw new ReviewException($"proposal #{id}: already {StatusName(p.Status)}");
            var now = _clock.GetUtcNow();
            using var c = Command("UPDATE proposals SET status = @s, reviewed = @r, review_note = @n WHERE id = @i", tx);
            c.Add("@s", StatusName(verdict));
            c.Add("@r", Stamp(now));
            c.Add("@n", note);
            c.Add("@i", id);
            c.ExecuteNonQuery();
            if (verdict == ProposalStatus.Accepted)
            {
                // The store replaces a source's facts per headword, so the review source's entry is rebuilt from every
                // accepted proposal for the headword, this one included.
                using var all = Command($"{Select} WHERE headword = @h AND status = 'accepted' ORDER BY id", tx);
                all.Add("@h", p.Draft.Headword);
                _store.Write(tx, new Provenance(SourceName, Licence), [ToEntry(p.Draft.Headword, Read(all))]);
            }

            return p with { Status = verdict, Reviewed = now, ReviewNote = note };
        });
    }

    private static LexiconEntry ToEntry(string headword, IReadOnlyList<Proposal> accepted)
    {
        Provenance Source(Proposal p) => new(SourceName, Licence,
            $"proposal #{p.Id}" + (p.Draft.Contributor.Length > 0 ? $" by {p.Draft.Contributor}" : ""));
        return new LexiconEntry(headword)
        {
            Relations = [.. accepted.Where(p => p.Draft.Kind == ProposalKind.NativeEquivalent)
                .Select(p => new Relation(RelationKind.NativeEquivalent, p.Draft.Text, Source(p)))],
            Senses = [.. accepted.Where(p => p.Draft.Kind is ProposalKind.Gloss or ProposalKind.KannadaGloss)
                .Select(p => p.Draft.Kind == ProposalKind.Gloss
                    ? new Sense("", p.Draft.Text, "", "", Source(p))
                    : new Sense("", "", p.Draft.Text, "", Source(p)))],
            Examples = [.. accepted.Where(p => p.Draft.Kind == ProposalKind.Example).Select(p => new UsageExample(p.Draft.Text, "", Source(p)))],
        };
    }

    private static ProposalDraft Check(ProposalDraft d)
    {
        string headword = KannadaWord(d.Headword, "headword");
        string text = d.Kind switch
        {
            ProposalKind.NativeEquivalent => KannadaWord(d.Text, "native equivalent"),
            ProposalKind.Gloss => Field(d.Text, "gloss", MaxText),
            _ => Field(d.Text, d.Kind == ProposalKind.Example ? "example" : "Kannada gloss", MaxText),
        };
        if (d.Kind is ProposalKind.Example or ProposalKind.KannadaGloss && !text.Any(IsKannada))
            throw new ReviewException($"{ProposalKinds.Name(d.Kind)}: expected Kannada text");
        if (d.Kind == ProposalKind.NativeEquivalent && text == headword)
            throw new ReviewException("native equivalent: the same word as the headword");
        return new ProposalDraft(headword, d.Kind, text,
            Field(d.Note ?? "", "note", MaxNote, allowEmpty: true), Field(d.Contributor ?? "", "contributor", MaxContributor, allowEmpty: true));
    }

    private static string KannadaWord(string? value, string what)
    {
        string s = Field(value ?? "", what, MaxWord);
        foreach (char ch in s)
        {
            if (!IsKannada(ch) && ch is not ('\u200C' or '\u200D'))
                throw new ReviewException($"{what}: expected one Kannada word, found '{ch}' (U+{(int)ch:X4})");
        }

        return s;
    }

    private static string Field(string value, string what, int max, bool allowEmpty = false)
    {
        string s = value.Normalize(NormalizationForm.FormC).Trim();
        if (s.Length == 0 && !allowEmpty)
            throw new ReviewException($"{what}: empty");
        if (s.Length > max)
            throw new ReviewException($"{what}: {s.Length} characters, at most {max} allowed");
        int bad = s.AsSpan().IndexOfAnyInRange('\0', '\u001F');
        if (bad >= 0 || s.Contains('\u007F'))
            throw new ReviewException($"{what}: control character at offset {(bad >= 0 ? bad : s.IndexOf('\u007F'))}");
        return s;
    }

    private static bool IsKannada(char c) => c is >= '\u0C80' and <= '\u0CFF';

    private const string Select = "SELECT id, headword, kind, text, note, contributor, status, submitted, reviewed, review_note FROM proposals";

    private static List<Proposal> Read(DbCommand c)
    {
        var list = new List<Proposal>();
        using var r = c.ExecuteReader();
        while (r.Read())
        {
            var draft = new ProposalDraft(r.GetString(1), ProposalKinds.Parse(r.GetString(2)) ?? ProposalKind.Gloss, r.GetString(3), r.GetString(4), r.GetString(5));
            list.Add(new Proposal(r.GetInt64(0), draft, ParseStatus(r.GetString(6)), Parse(r.GetString(7)),
                r.IsDBNull(8) ? null : Parse(r.GetString(8)), r.GetString(9)));
        }

        return list;
    }

    private DbCommand Command(string sql, DbTransaction? tx = null) => DbCommands.Create(_store.Connection, sql, tx);

    /// <summary>The name of a status in JSON and the store.</summary>
    public static string StatusName(ProposalStatus s) => s switch
    {
        ProposalStatus.Accepted => "accepted",
        ProposalStatus.Rejected => "rejected",
        _ => "pending",
    };

    private static ProposalStatus ParseStatus(string s) => s switch
    {
        "accepted" => ProposalStatus.Accepted,
        "rejected" => ProposalStatus.Rejected,
        _ => ProposalStatus.Pending,
    };

    /// <summary>An instant as the queue stores and prints it: ISO 8601 UTC, seconds.</summary>
    internal static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
