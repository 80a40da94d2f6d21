using KannadaKit.Testing;
using static KannadaKit.Testing.Onnx.TinyModels;

namespace KannadaKit.Generation.Tests.Search;

/// <summary>
/// Greedy search, beam search and the logits processors on lookup-table models (the next token depends only on
/// the last one), where every expected sequence is worked out by hand in the comments.
/// Tokens: 0 pad, 1 bos, 2 eos, 3–7 words.
/// </summary>
public sealed class SearchTests
{
    private const int V = 8;

    private static GenerativeModel Open(TempDirectory dir, Weights w, object? generationConfig = null) =>
        GenerativeModel.Open(OnnxRuntimeForTests.Runtime, DecoderOnlyFolder(dir.Path, w, generationConfig));

    /// <summary>After 1: 3 (0.5), 4 (0.45), eos (0.05). After 3: 5 (0.35), 6 (0.33), 7 (0.32).
    /// After 4: eos (0.9), 5 (0.1). After 5, 6, 7: eos.</summary>
    private static Weights BeamTable()
    {
        var rows = new float[V][];
        for (var t = 0; t < V; t++)
        {
            rows[t] = Row(V, (2, 1.0));
        }
        rows[1] = Row(V, (3, 0.5), (4, 0.45), (2, 0.05));
        rows[3] = Row(V, (5, 0.35), (6, 0.33), (7, 0.32));
        rows[4] = Row(V, (2, 0.9), (5, 0.1));
        return Weights.Lookup(rows);
    }

    /// <summary>3 → 4 (0.6) or 5 (0.4); 4 → 3 (0.7) or 6 (0.3); 5 → eos; 6 → eos; 1 → 3.</summary>
    private static Weights CycleTable()
    {
        var rows = new float[V][];
        for (var t = 0; t < V; t++)
        {
            rows[t] = Row(V, (2, 1.0));
        }
        rows[1] = Row(V, (3, 1.0));
        rows[3] = Row(V, (4, 0.6), (5, 0.4));
        rows[4] = Row(V, (3, 0.7), (6, 0.3));
        return Weights.Lookup(rows);
    }

    [OnnxRuntimeFact]
    public void Greedy_FollowsTheMostLikelyTokenAndStopsAtEos()
    {
        using var dir = new TempDirectory();
        using var model = Open(dir, BeamTable());
        // 1 → 3 (0.5 beats 0.45) → 5 (0.35) → eos.
        var result = model.Generate([1], new GenerationOptions { MaxNewTokens = 10 });
        Assert.Equal(new[] { 3, 5, 2 }, result.Tokens);
        Assert.Equal(FinishReason.EndToken, result.FinishReason);
        Assert.Equal(Math.Log(0.5 * 0.35 * 1.0), result.Score, 4);
    }

    [OnnxRuntimeFact]
    public void Greedy_StopsAtMaxNewTokens()
    {
        using var dir = new TempDirectory();
        using var model = Open(dir, CycleTable());
        var result = model.Generate([1], new GenerationOptions { MaxNewTokens = 4 });
        Assert.Equal(new[] { 3, 4, 3, 4 }, result.Tokens);
        Assert.Equal(FinishReason.Length, result.FinishReason);
        // max_length counts the prompt: 3 tokens in all, so 2 new ones.
        Assert.Equal(new[] { 3, 4 }, model.Generate([1], new GenerationOptions { MaxLength = 3 }).Tokens);
    }

    [OnnxRuntimeFact]
    public void BeamSearchWithFourBeams_FindsTheLikelierShortSequence()
    {
        using var dir = new TempDirectory();
        using var model = Open(dir, BeamTable());
        // Finished hypotheses, score = ln p / generated_length (eos counted), length_penalty 1:
        //   [4, eos]    ln(0.45·0.9)  / 2 = −0.452   ← best, though greedy took 3 first
        //   [3, 5, eos] ln(0.5·0.35)  / 3 = −0.581
        //   [3, 6, eos] ln(0.5·0.33)  / 3 = −0.601
        //   [3, 7, eos] ln(0.5·0.32)  / 3 = −0.611
        var options = new GenerationOptions { NumBeams = 4, LengthPenalty = 1.0, NumReturnSequences = 4, MaxNewTokens = 10 };
        var results = model.GenerateBatch([[1]], options)[0];
        Assert.Equal(new[] { "4 2", "3 5 2", "3 6 2", "3 7 2" }, results.Select(r => string.Join(' ', r.Tokens)));
        Assert.Equal(Math.Log(0.45 * 0.9) / 2, results[0].Score, 3);
        Assert.Equal(Math.Log(0.5 * 0.35) / 3, results[1].Score, 3);
    }

    [OnnxRuntimeFact]
    public void A_larger_length_penalty_prefers_the_longer_sequence()
    {
        using var dir = new TempDirectory();
        using var model = Open(dir, BeamTable());
        // length_penalty 2: [3, 5, eos] ln(0.175)/9 = −0.194 beats [4, eos] ln(0.405)/4 = −0.226.
        var options = new GenerationOptions { NumBeams = 4, LengthPenalty = 2.0, NumReturnSequences = 2, MaxNewTokens = 10 };
        var results = model.GenerateBatch([[1]], options)[0];
        Assert.Equal(new[] { 3, 5, 2 }, results[0].Tokens);
        Assert.Equal(new[] { 3, 6, 2 }, results[1].Tokens);
        Assert.Equal(Math.Log(0.175) / 9, results[0].Score, 3);
    }

    [OnnxRuntimeFact]
    public void BeamSettings_ComeFromGenerationConfigJson()
    {
        using var dir = new TempDirectory();
        using var model = Open(dir, BeamTable(), new { eos_token_id = 2, num_beams = 4, length_penalty = 2.0, max_new_tokens = 10 });
        Assert.Equal(new[] { 3, 5, 2 }, model.Generate([1]).Tokens);
        // An explicit option wins over the file.
        Assert.Equal(new[] { 4, 2 }, model.Generate([1], new GenerationOptions { LengthPenalty = 1.0 }).Tokens);
        Assert.Equal(new[] { 3, 5, 2 }, model.Generate([1], new GenerationOptions { NumBeams = 1 }).Tokens);
    }

    [OnnxRuntimeFact]
    public void NoRepeatNgram_BansABigramSeenBefore()
    {
        using var dir = new TempDirectory();
        using var model = Open(dir, CycleTable());
        // Without: 3 4 3 4 3 4. With n = 2 after 1 3 4 3 the bigram (3, 4) is taken, so 3 → 5, then eos.
        Assert.Equal(new[] { 3, 4, 3, 4, 3, 4 }, model.Generate([1], new GenerationOptions { MaxNewTokens = 6 }).Tokens);
        Assert.Equal(new[] { 3, 4, 3, 5, 2 }, model.Generate([1], new GenerationOptions { MaxNewTokens = 6, NoRepeatNgramSize = 2 }).Tokens);
        // n = 3: 1 3 4 3 4 would repeat (3, 4, 3)? No: the trigram completed at the 6th token is (4, 3, 4) vs (3, 4, 3) seen…
        // 1 3 4 3 | next after (4, 3): 4 would make (4, 3, 4), unseen → allowed; then after (3, 4): 3 makes (3, 4, 3), seen → 6, eos.
        Assert.Equal(new[] { 3, 4, 3, 4, 6, 2 }, model.Generate([1], new GenerationOptions { MaxNewTokens = 8, NoRepeatNgramSize = 3 }).Tokens);
    }

    [OnnxRuntimeFact]
    public void ForcedSuppressedAndBadTokens_AreApplied()
    {
        using var dir = new TempDirectory();
        using var model = Open(dir, CycleTable());
        // forced_eos at the last allowed position.
        Assert.Equal(new[] { 3, 4, 2 }, model.Generate([1], new GenerationOptions { MaxNewTokens = 3, ForcedEosTokenId = 2 }).Tokens);
        // suppress 4: 3 → 5 → eos.
        Assert.Equal(new[] { 3, 5, 2 }, model.Generate([1], new GenerationOptions { MaxNewTokens = 6, SuppressTokens = [4] }).Tokens);
        // begin_suppress 3: the first token cannot be 3, so the best of the rest (all −30 except eos?) — after 1 only 3 is likely,
        // every other token has the same −30 logit, and argmax takes the lowest id: 0.
        Assert.Equal(0, model.Generate([1], new GenerationOptions { MaxNewTokens = 1, BeginSuppressTokens = [3] }).Tokens[0]);
        // bad word [4, 3]: after 4 the token 3 is banned → 6 → eos.
        Assert.Equal(new[] { 3, 4, 6, 2 }, model.Generate([1], new GenerationOptions { MaxNewTokens = 6, BadWordsIds = [[4, 3]] }).Tokens);
        // forced_decoder_ids: position 2 (the second generated token after the one-token prompt… position counts the prompt) is 7.
        Assert.Equal(new[] { 3, 7, 2 }, model.Generate([1], new GenerationOptions { MaxNewTokens = 6, ForcedDecoderIds = [new(2, 7)] }).Tokens);
        // min_new_tokens 3 bans eos until 3 tokens: 3 → 5 (suppressed 4) → eos banned → best non-eos after 5 is 0 (all −30) → then eos.
        Assert.Equal(new[] { 3, 5, 0, 2 }, model.Generate([1], new GenerationOptions { MaxNewTokens = 6, SuppressTokens = [4], MinNewTokens = 3 }).Tokens);
    }

    [OnnxRuntimeFact]
    public void RepetitionPenalty_DiscouragesTokensAlreadyPresent()
    {
        using var dir = new TempDirectory();
        using var model = Open(dir, CycleTable());
        // After 1 3 4 the next is 3 (ln 0.7 = −0.357) or 6 (ln 0.3 = −1.204). 3 is in the sequence: −0.357 × 4 = −1.43 < −1.204 → 6.
        Assert.Equal(new[] { 3, 4, 6, 2 }, model.Generate([1], new GenerationOptions { MaxNewTokens = 6, RepetitionPenalty = 4.0 }).Tokens);
    }

    [OnnxRuntimeFact]
    public void Sampling_IsReproducibleWithASeedAndTopK1IsGreedy()
    {
        using var dir = new TempDirectory();
        using var model = Open(dir, Weights.Random(V, 7));
        var options = new GenerationOptions { DoSample = true, Seed = 1234, MaxNewTokens = 12, Temperature = 1.5, TopK = 0 };
        var first = model.Generate([1, 3], options).Tokens;
        Assert.Equal(first, model.Generate([1, 3], options).Tokens);
        var seeds = Enumerable.Range(0, 8).Select(s => string.Join(' ', model.Generate([1, 3], options with { Seed = s }).Tokens)).Distinct().Count();
        Assert.True(seeds > 1, "different seeds all gave the same sample");
        var greedy = model.Generate([1, 3], new GenerationOptions { MaxNewTokens = 12 }).Tokens;
        Assert.Equal(greedy, model.Generate([1, 3], new GenerationOptions { DoSample = true, TopK = 1, Seed = 5, MaxNewTokens = 12 }).Tokens);
        Assert.Equal(greedy, model.Generate([1, 3], new GenerationOptions { DoSample = true, TopP = 1e-6, Seed = 9, MaxNewTokens = 12 }).Tokens);
    }

    [OnnxRuntimeFact]
    public void ImpossibleSettings_AreRefusedWithAReason()
    {
        using var dir = new TempDirectory();
        using var model = Open(dir, CycleTable());
        var e = Assert.Throws<GenerationException>(() => model.Generate([1], new GenerationOptions { NumBeams = 2, DoSample = true }));
        Assert.Contains("not supported", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<GenerationException>(() => model.Generate([1], new GenerationOptions { NumBeams = 2, NumReturnSequences = 3 }));
        Assert.Equal("num_return_sequences must be between 1 and num_beams (2), got 3", e.Message);
        Assert.Throws<GenerationException>(() => model.Generate(Array.Empty<int>(), new GenerationOptions()));
    }
}
