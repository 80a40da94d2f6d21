using System.Globalization;
using System.Text;
using KannadaKit.Generation;
using KannadaKit.Generation.Chat;
using KannadaKit.Lexicon.Model;

namespace KannadaKit.Lexicon.Suggestions;

/// <summary>
/// A text model as one more rival: asked in plain words for native Kannada words with the entry's meaning, through
/// <see cref="GenerativeModel"/> (decoder-only with its chat template when it has one, or encoder-decoder), with beam
/// search so several readings compete. Its output is untrusted text: only runs of Kannada letters count as candidates,
/// and the judge weighs them like any rival's — attestation and phonotactics still decide.
/// </summary>
public sealed class ModelRival : IRival
{
    /// <summary>Words longer than this (in UTF-16 units) are run-on output, not candidates.</summary>
    public const int MaxWordLength = 40;

    /// <summary>Beams whose length-normalized log-probability is this far below the best one's are dropped.</summary>
    public const double MaxScoreGap = 2.0;

    private readonly GenerativeModel _model;
    private readonly GenerationOptions _generation;

    /// <summary>A rival over <paramref name="model"/>, which must have a tokenizer.</summary>
    /// <exception cref="ArgumentException">The model folder has no tokenizer.json.</exception>
    public ModelRival(GenerativeModel model, GenerationOptions? generation = null)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        if (model.Tokenizer is null)
            throw new ArgumentException($"{model.Folder}: the model has no tokenizer.json; the model rival needs one to read its answer", nameof(model));
        _generation = generation ?? new GenerationOptions { MaxNewTokens = 24, NumBeams = 4, NumReturnSequences = 3 };
        Name = "model:" + Path.GetFileName(Path.TrimEndingDirectorySeparator(model.Folder));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>
    /// What the model is asked. The headword comes last so a completion model continues from it; the gloss, when
    /// there is one, says which meaning is meant.
    /// </summary>
    public static string Prompt(LexiconEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string? gloss = entry.Senses.Select(s => s.Gloss).FirstOrDefault(g => g.Length > 0);
        var b = new StringBuilder("Suggest native Kannada (ಅಚ್ಚಗನ್ನಡ) words with the same meaning as the word below, separated by commas.\n");
        if (gloss is not null)
            b.Append("meaning: ").Append(gloss).Append('\n');
        return b.Append("word: ").Append(entry.Headword).ToString();
    }

    /// <inheritdoc />
    public IEnumerable<RivalProposal> Propose(LexiconEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var tokenizer = _model.Tokenizer!;
        string prompt = Prompt(entry);
        IReadOnlyList<int> input = _model.Kind == ModelKind.DecoderOnly && _model.ChatTemplate is not null
            ? _model.ChatPrompt([new ChatMessage("user", prompt)])
            : tokenizer.EncodeToIds(prompt, addSpecialTokens: true).ToArray();
        var all = _model.GenerateBatch([input], _generation)[0];
        // Beam search always returns its quota; beams far less likely per token than the best are the search
        // scraping the bottom, not answers.
        double best = all.Count == 0 ? 0 : all.Max(b => b.Score);
        var beams = all.Where(b => b.Score >= best - MaxScoreGap).ToList();

        // Rank words by where they first appear: the best beam's first word first.
        var seen = new Dictionary<string, (int Rank, int Beam, double LogProb, int Beams)>(StringComparer.Ordinal);
        int rank = 0;
        for (int b = 0; b < beams.Count; b++)
        {
            string text = tokenizer.Decode(beams[b].Tokens, skipSpecialTokens: true);
            foreach (string word in KannadaWords(text).Distinct(StringComparer.Ordinal))
            {
                if (word == entry.Headword)
                    continue;
                seen[word] = seen.TryGetValue(word, out var s) ? s with { Beams = s.Beams + 1 } : (rank++, b + 1, beams[b].Score, 1);
            }
        }

        foreach (var (word, s) in seen.OrderBy(kv => kv.Value.Rank))
        {
            double score = Math.Max(0.2, 0.6 - (0.08 * s.Rank)) + (0.05 * (s.Beams - 1));
            string more = s.Beams > 1 ? string.Create(CultureInfo.InvariantCulture, $", in {s.Beams} of {beams.Count} beams") : "";
            yield return new RivalProposal(Name, word, Math.Min(score, 0.7),
                string.Create(CultureInfo.InvariantCulture, $"the model's answer (beam {s.Beam} of {all.Count}, log-prob {s.LogProb:0.00}{more})"));
        }
    }

    /// <summary>Maximal runs of Kannada letters and signs (joiners included), NFC; digits and punctuation split them.</summary>
    internal static IEnumerable<string> KannadaWords(string text)
    {
        var b = new StringBuilder();
        foreach (char c in text.Normalize(NormalizationForm.FormC).Append(' '))
        {
            bool kannada = (c is >= '\u0C80' and <= '\u0CFF' && c is not (>= '\u0CE6' and <= '\u0CEF')) || c is '\u200C' or '\u200D';
            if (kannada)
            {
                b.Append(c);
                continue;
            }

            if (b.Length is >= 2 and <= MaxWordLength && char.IsLetter(b[0]))
                yield return b.ToString();
            b.Clear();
        }
    }
}
