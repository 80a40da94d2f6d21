using KannadaKit.Lexicon.Import;
using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Review;
using KannadaKit.Lexicon.Store;
using KannadaKit.Testing;

namespace KannadaKit.Lexicon.Tests;

public sealed class LexiconReviewTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly LexiconStore _store;
    private readonly FixedClock _clock = new() { Now = new DateTimeOffset(2026, 12, 4, 9, 30, 0, TimeSpan.Zero) };

    public LexiconReviewTests()
    {
        _store = LexiconStore.Open(_dir.File("lex.db"), create: true);
        var sample = SourceFile.Open(Path.Combine(SharedData.RepoRoot, "corpora", "lexicon", "kn-sample-entries.csv"), licence: "CC0");
        _store.Import(sample.Source, sample.Entries());
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void APendingProposalLeavesTheLexiconAsItWas()
    {
        string before = Stats();
        string entryBefore = Describe(_store.Get("ಶಾಲೆ"));
        var review = new LexiconReview(_store, _clock);
        var p = review.Submit(new ProposalDraft("ಶಾಲೆ", ProposalKind.NativeEquivalent, "ಕಲಿಮನೆ", "Bhat: ಕಲಿ + ಮನೆ", "ರಮೇಶ"));

        Assert.Equal(ProposalStatus.Pending, p.Status);
        Assert.Equal(_clock.GetUtcNow(), p.Submitted);
        Assert.Equal(before, Stats());
        Assert.Equal(entryBefore, Describe(_store.Get("ಶಾಲೆ")));
        Assert.Equal(1, review.PendingFor("ಶಾಲೆ"));
        Assert.Equal(p.Id, Assert.Single(review.List()).Id);
    }

    [Fact]
    public void AcceptingFilesTheFactUnderTheReviewSourceWithItsProposalNumber()
    {
        var review = new LexiconReview(_store, _clock);
        var a = review.Submit(new ProposalDraft("ಶಾಲೆ", ProposalKind.NativeEquivalent, "ಕಲಿಮನೆ", "", "ರಮೇಶ"));
        var b = review.Submit(new ProposalDraft("ಶಾಲೆ", ProposalKind.Example, "ಮಕ್ಕಳು ಶಾಲೆಗೆ ಹೋದರು."));
        _clock.Now += TimeSpan.FromHours(2);
        var accepted = review.Accept(a.Id, "ok");
        review.Accept(b.Id);

        Assert.Equal(ProposalStatus.Accepted, accepted.Status);
        Assert.Equal(_clock.GetUtcNow(), accepted.Reviewed);
        var e = _store.Get("ಶಾಲೆ")!;
        var native = Assert.Single(e.Relations, r => r.Source.Source == LexiconReview.SourceName);
        Assert.Equal((RelationKind.NativeEquivalent, "ಕಲಿಮನೆ"), (native.Kind, native.Target));
        Assert.Equal($"proposal #{a.Id} by ರಮೇಶ", native.Source.Reference);
        Assert.Equal(LexiconReview.Licence, native.Source.Licence);
        // The second accept rebuilt the review source's facts for the headword: the first is still there.
        Assert.Equal("ಮಕ್ಕಳು ಶಾಲೆಗೆ ಹೋದರು.", Assert.Single(e.Examples, x => x.Source.Source == LexiconReview.SourceName).Text);
        Assert.Empty(review.List());
        Assert.Equal(2, review.List(ProposalStatus.Accepted).Count);
    }

    [Fact]
    public void ReviewedFactsSurviveReimportingOtherSources()
    {
        var review = new LexiconReview(_store, _clock);
        review.Accept(review.Submit(new ProposalDraft("ಶಾಲೆ", ProposalKind.Gloss, "place of learning")).Id);
        var sample = SourceFile.Open(Path.Combine(SharedData.RepoRoot, "corpora", "lexicon", "kn-sample-entries.csv"), licence: "CC0");
        _store.Import(sample.Source, sample.Entries());
        Assert.Contains(_store.Get("ಶಾಲೆ")!.Senses, s => s.Gloss == "place of learning" && s.Source.Source == LexiconReview.SourceName);
    }

    [Fact]
    public void AProposalForANewHeadwordCreatesTheEntryOnlyWhenAccepted()
    {
        var review = new LexiconReview(_store, _clock);
        var p = review.Submit(new ProposalDraft("ಮುಗಿಲು", ProposalKind.Gloss, "cloud"));
        Assert.Null(_store.Get("ಮುಗಿಲು"));
        review.Accept(p.Id);
        Assert.Equal("cloud", Assert.Single(_store.Get("ಮುಗಿಲು")!.Senses).Gloss);
    }

    [Fact]
    public void RejectingChangesNothingAndAReviewedProposalCannotBeReviewedAgain()
    {
        string before = Stats();
        var review = new LexiconReview(_store, _clock);
        var p = review.Submit(new ProposalDraft("ಶಾಲೆ", ProposalKind.NativeEquivalent, "ಓದುಮನೆ"));
        Assert.Equal(ProposalStatus.Rejected, review.Reject(p.Id, "not attested").Status);
        Assert.Equal(before, Stats());
        var again = Assert.Throws<ReviewException>(() => review.Accept(p.Id));
        Assert.Equal($"proposal #{p.Id}: already rejected", again.Message);
        Assert.Equal("proposal #999: no such proposal", Assert.Throws<ReviewException>(() => review.Accept(999)).Message);
        Assert.Equal("not attested", review.Get(p.Id)!.ReviewNote);
    }

    [Theory]
    [InlineData("vimana", ProposalKind.NativeEquivalent, "ಕಲಿಮನೆ", "headword: expected one Kannada word, found 'v' (U+0076)")]
    [InlineData("ಶಾಲೆ", ProposalKind.NativeEquivalent, "ಕಲಿ ಮನೆ", "native equivalent: expected one Kannada word, found ' ' (U+0020)")]
    [InlineData("ಶಾಲೆ", ProposalKind.NativeEquivalent, "ಶಾಲೆ", "native equivalent: the same word as the headword")]
    [InlineData("ಶಾಲೆ", ProposalKind.Example, "The children went to school.", "example: expected Kannada text")]
    [InlineData("ಶಾಲೆ", ProposalKind.Gloss, "  ", "gloss: empty")]
    [InlineData("ಶಾಲೆ", ProposalKind.Gloss, "air\u0007craft", "gloss: control character at offset 3")]
    public void BadProposalsAreRefusedWithTheFieldAndTheReason(string headword, ProposalKind kind, string text, string message)
    {
        var review = new LexiconReview(_store, _clock);
        Assert.Equal(message, Assert.Throws<ReviewException>(() => review.Submit(new ProposalDraft(headword, kind, text))).Message);
        Assert.Empty(review.List());
    }

    [Fact]
    public void OverlongTextIsRefusedAndNfdInputIsStoredNfc()
    {
        var review = new LexiconReview(_store, _clock);
        var tooLong = new ProposalDraft("ಶಾಲೆ", ProposalKind.Gloss, new string('a', 501));
        Assert.Equal("gloss: 501 characters, at most 500 allowed", Assert.Throws<ReviewException>(() => review.Submit(tooLong)).Message);
        // ಕೊ in NFD (ಕ + U+0CC6 + U+0CC2) comes back composed.
        string nfd = "ಕೊಡೆ".Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual("ಕೊಡೆ", nfd);
        var p = review.Submit(new ProposalDraft(nfd, ProposalKind.Gloss, "umbrella"));
        Assert.Equal("ಕೊಡೆ", review.Get(p.Id)!.Draft.Headword);
    }

    [Fact]
    public void ALexiconMadeBeforeTheQueueGetsItsTable()
    {
        LexiconStore.Exec(_store.Connection, "DROP TABLE proposals");
        var review = new LexiconReview(_store, _clock);
        Assert.Equal(1, review.Submit(new ProposalDraft("ಶಾಲೆ", ProposalKind.Gloss, "schoolhouse")).Id);
    }

    private string Stats()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
            Json.LexiconJsonWriter.WriteStats(w, _store.Stats());
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Describe(LexiconEntry? e) =>
        e is null ? "none" : string.Join("|", e.Senses.Select(s => s.Gloss).Concat(e.Relations.Select(r => r.Target)).Concat(e.Examples.Select(x => x.Text)));

    private sealed class FixedClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
