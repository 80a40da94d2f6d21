namespace KannadaKit.Lexicon.Morphology;

/// <summary>
/// Regular Kannada noun case forms and common verb forms from suffix rules, and the reverse: the lemmas a form could
/// come from. Spelling is written with Unicode vowel signs, so a rule replaces the lemma's final vowel sign (or adds
/// after an inherent -ಅ). Irregular words (ಕಲಿ→ಕಲಿತ, ಬರು→ಬಂದ) are outside the rules and stay unanalysed. Thread-safe.
/// </summary>
public static class KannadaInflector
{
    private const string Virama = "\u0CCD";

    private static readonly InflectionRule[] s_rules = BuildRules();

    /// <summary>Every rule, nouns first.</summary>
    public static IReadOnlyList<InflectionRule> Rules => s_rules;

    /// <summary>The paradigms a lemma's ending allows for a part of speech (<c>noun</c>, <c>verb</c>, or empty for both).</summary>
    public static IReadOnlyList<Paradigm> ParadigmsFor(string lemma, string partOfSpeech = "")
    {
        ArgumentNullException.ThrowIfNull(lemma);
        var result = new List<Paradigm>(3);
        bool noun = partOfSpeech is "" or "noun" or "proper noun" or "pronoun";
        bool verb = partOfSpeech is "" or "verb";
        if (lemma.Length == 0)
        {
            return result;
        }

        char last = lemma[^1];
        if (noun)
        {
            if (last is '\u0CC6' or '\u0CBF' or '\u0CC0' or '\u0CC7' or 'ಎ' or 'ಇ')
                result.Add(Paradigm.NounFrontVowel);
            else if (last is '\u0CC1' || lemma.EndsWith(Virama, StringComparison.Ordinal))
                result.Add(Paradigm.NounU);
            else if (last is '\u0CBE' or '\u0CC2' or '\u0CCB')
                result.Add(Paradigm.NounLongVowel);
            else if (IsConsonant(last))
            {
                result.Add(Paradigm.NounANeuter);
                result.Add(Paradigm.NounAHuman);
            }
        }

        if (verb && lemma.Length >= 2)
        {
            if (last is '\u0CC1')
                result.Add(Paradigm.VerbU);
            else if (last is '\u0CC6' or '\u0CBF')
                result.Add(Paradigm.VerbFrontVowel);
        }

        return result;
    }

    /// <summary>The table of forms of <paramref name="lemma"/> in one paradigm, in rule order.</summary>
    public static IReadOnlyList<InflectedWord> Inflect(string lemma, Paradigm paradigm)
    {
        ArgumentNullException.ThrowIfNull(lemma);
        var forms = new List<InflectedWord>();
        foreach (var r in s_rules)
        {
            if (r.Paradigm != paradigm || !EndsWithLemmaEnding(lemma, r))
                continue;
            string stem = lemma[..^r.LemmaEnding.Length];
            forms.Add(new InflectedWord(lemma, stem + r.FormEnding, r.Tag, paradigm));
        }

        return forms;
    }

    /// <summary>
    /// Every (lemma, tag) a form could come from by one rule, shortest lemma (longest suffix) first. Candidates are guesses; a lexicon
    /// keeps those whose lemma it holds. The form itself is not included.
    /// </summary>
    public static IReadOnlyList<InflectedWord> Analyse(string form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = new List<InflectedWord>();
        Match(form, form, "", result);
        foreach (var (bare, clitic) in WithoutClitic(form))
            Match(bare, form, " + " + clitic, result);

        return [.. result.OrderBy(w => w.Lemma.Length).DistinctBy(w => (w.Lemma, w.Tag))];
    }

    /// <summary>Adds every rule reading of <paramref name="bare"/> (the form, or the form without a clitic).</summary>
    private static void Match(string bare, string form, string tagSuffix, List<InflectedWord> result)
    {
        foreach (var r in s_rules)
        {
            // An empty form ending is the nominative: only a clitic can stand after it (ಮರವೂ), never nothing.
            if ((r.FormEnding.Length == 0 && tagSuffix.Length == 0) || !bare.EndsWith(r.FormEnding, StringComparison.Ordinal) || bare.Length <= r.FormEnding.Length)
                continue;
            string lemma = bare[..^r.FormEnding.Length] + r.LemmaEnding;
            if (lemma == form || !ParadigmsFor(lemma).Contains(r.Paradigm))
                continue;
            // The rule must give the form back from that lemma, or the guess is not this rule's.
            if (Inflect(lemma, r.Paradigm).Any(w => w.Form == bare && w.Tag == r.Tag))
                result.Add(new InflectedWord(lemma, form, r.Tag + tagSuffix, r.Paradigm));
        }
    }

    /// <summary>
    /// The form without the clitics -ಊ ("also, even") and -ಏ (emphasis), which replace a final short vowel
    /// (ಮನೆಗೆ → ಮನೆಗೂ, ಊರಿನಲ್ಲಿ → ಊರಿನಲ್ಲೂ, ಊರನ್ನು → ಊರನ್ನೂ) or follow a glide (ಮನೆಯಲ್ಲಿಯೇ, ಮರವೂ).
    /// </summary>
    private static IEnumerable<(string Bare, string Clitic)> WithoutClitic(string form)
    {
        if (form.Length < 3)
            yield break;
        char last = form[^1];
        string clitic = last switch { '\u0CC2' => "-ಊ", '\u0CC7' => "-ಏ", _ => "" };
        if (clitic.Length == 0)
            yield break;
        string stem = form[..^1];
        if (stem.EndsWith('ಯ') || stem.EndsWith('ವ'))
            yield return (stem[..^1], clitic);
        foreach (string v in new[] { "\u0CBF", "\u0CC6", "\u0CC1" })
            yield return (stem + v, clitic);
    }

    private static bool EndsWithLemmaEnding(string lemma, InflectionRule r)
    {
        if (!lemma.EndsWith(r.LemmaEnding, StringComparison.Ordinal))
            return false;
        // An empty lemma ending means "adds after the lemma": the paradigm check says which endings allow it.
        return ParadigmsFor(lemma).Contains(r.Paradigm);
    }

    private static bool IsConsonant(char c) => c is >= '\u0C95' and <= '\u0CB9' or '\u0CDE';

    private static InflectionRule[] BuildRules()
    {
        var rules = new List<InflectionRule>();
        void Add(Paradigm p, string lemmaEnding, params (string Form, string Tag)[] forms)
        {
            foreach (var (f, t) in forms)
                rules.Add(new InflectionRule(p, lemmaEnding, f, t));
        }

        // ಮನೆ: ಮನೆಯನ್ನು, ಮನೆಯಲ್ಲಿ, ಮನೆಗೆ, ಮನೆಯಿಂದ, ಮನೆಯ; ಮನೆಗಳು …
        Add(Paradigm.NounFrontVowel, "",
            ("", "nominative"), ("ಯನ್ನು", "accusative"), ("ಗೆ", "dative"), ("ಯಿಂದ", "instrumental/ablative"),
            ("ಯ", "genitive"), ("ಯಲ್ಲಿ", "locative"), ("ಗಳು", "plural nominative"), ("ಗಳನ್ನು", "plural accusative"),
            ("ಗಳಿಗೆ", "plural dative"), ("ಗಳಿಂದ", "plural instrumental/ablative"), ("ಗಳ", "plural genitive"),
            ("ಗಳಲ್ಲಿ", "plural locative"));
        // ಊರು: ಊರನ್ನು, ಊರಿಗೆ, ಊರಿನಿಂದ, ಊರಿನ, ಊರಿನಲ್ಲಿ (also ಊರಲ್ಲಿ); ಊರುಗಳು …
        Add(Paradigm.NounU, "\u0CC1",
            ("\u0CC1", "nominative"), ("ನ್ನು", "accusative"), ("\u0CBFಗೆ", "dative"), ("\u0CBFನಿಂದ", "instrumental/ablative"),
            ("\u0CBFನ", "genitive"), ("\u0CBFನಲ್ಲಿ", "locative"), ("ಲ್ಲಿ", "locative (short)"), ("\u0CC1ಗಳು", "plural nominative"),
            ("\u0CC1ಗಳನ್ನು", "plural accusative"), ("\u0CC1ಗಳಿಗೆ", "plural dative"), ("\u0CC1ಗಳಿಂದ", "plural instrumental/ablative"),
            ("\u0CC1ಗಳ", "plural genitive"), ("\u0CC1ಗಳಲ್ಲಿ", "plural locative"));
        // Consonant-final loans (ಕಾರ್, ಬಸ್) decline like -ಉ nouns once the virama goes.
        Add(Paradigm.NounU, Virama,
            (Virama, "nominative"), ("ನ್ನು", "accusative"), ("\u0CBFಗೆ", "dative"), ("\u0CBFನಿಂದ", "instrumental/ablative"),
            ("\u0CBFನ", "genitive"), ("\u0CBFನಲ್ಲಿ", "locative"), ("\u0CC1ಗಳು", "plural nominative"),
            ("\u0CC1ಗಳನ್ನು", "plural accusative"), ("\u0CC1ಗಳಿಗೆ", "plural dative"), ("\u0CC1ಗಳ", "plural genitive"),
            ("\u0CC1ಗಳಲ್ಲಿ", "plural locative"));
        // ಮರ: ಮರವನ್ನು, ಮರಕ್ಕೆ, ಮರದಿಂದ, ಮರದ, ಮರದಲ್ಲಿ; ಮರಗಳು …
        Add(Paradigm.NounANeuter, "",
            ("", "nominative"), ("ವನ್ನು", "accusative"), ("ಕ್ಕೆ", "dative"), ("ದಿಂದ", "instrumental/ablative"),
            ("ದ", "genitive"), ("ದಲ್ಲಿ", "locative"), ("ಗಳು", "plural nominative"), ("ಗಳನ್ನು", "plural accusative"),
            ("ಗಳಿಗೆ", "plural dative"), ("ಗಳಿಂದ", "plural instrumental/ablative"), ("ಗಳ", "plural genitive"),
            ("ಗಳಲ್ಲಿ", "plural locative"));
        // ಹುಡುಗ: ಹುಡುಗನನ್ನು, ಹುಡುಗನಿಗೆ, ಹುಡುಗನಿಂದ, ಹುಡುಗನ, ಹುಡುಗನಲ್ಲಿ; ಹುಡುಗರು …
        Add(Paradigm.NounAHuman, "",
            ("", "nominative"), ("ನನ್ನು", "accusative"), ("ನಿಗೆ", "dative"), ("ನಿಂದ", "instrumental/ablative"),
            ("ನ", "genitive"), ("ನಲ್ಲಿ", "locative"), ("ರು", "plural nominative"), ("ರನ್ನು", "plural accusative"),
            ("ರಿಗೆ", "plural dative"), ("ರಿಂದ", "plural instrumental/ablative"), ("ರ", "plural genitive"),
            ("ರಲ್ಲಿ", "plural locative"));
        // ಹೂ: ಹೂವನ್ನು, ಹೂವಿಗೆ, ಹೂವಿನಿಂದ, ಹೂವಿನ, ಹೂವಿನಲ್ಲಿ; ಹೂಗಳು …
        Add(Paradigm.NounLongVowel, "",
            ("", "nominative"), ("ವನ್ನು", "accusative"), ("ವಿಗೆ", "dative"), ("ವಿನಿಂದ", "instrumental/ablative"),
            ("ವಿನ", "genitive"), ("ವಿನಲ್ಲಿ", "locative"), ("ಗಳು", "plural nominative"), ("ಗಳನ್ನು", "plural accusative"),
            ("ಗಳಿಗೆ", "plural dative"), ("ಗಳ", "plural genitive"), ("ಗಳಲ್ಲಿ", "plural locative"));
        // ಮಾಡು: ಮಾಡಲು, ಮಾಡುತ್ತ, ಮಾಡಿ, ಮಾಡುತ್ತಾನೆ, ಮಾಡಿದನು, ಮಾಡಿತು, ಮಾಡುವ, ಮಾಡಿದ, ಮಾಡುವುದು, ಮಾಡುವುದಿಲ್ಲ, ಮಾಡಿದರೆ …
        Add(Paradigm.VerbU, "\u0CC1",
            ("\u0CC1", "stem (imperative 2sg)"), ("ಲು", "infinitive"), ("ಬೇಕು", "debitive"), ("\u0CC1ತ್ತ", "present adverbial participle"),
            ("\u0CBF", "past adverbial participle"), ("\u0CC1ತ್ತೇನೆ", "present 1sg"), ("\u0CC1ತ್ತಾನೆ", "present 3sg.m"),
            ("\u0CC1ತ್ತಾಳೆ", "present 3sg.f"), ("\u0CC1ತ್ತದೆ", "present 3sg.n"), ("\u0CC1ತ್ತಾರೆ", "present 3pl"),
            ("\u0CBFದೆನು", "past 1sg"), ("\u0CBFದನು", "past 3sg.m"), ("\u0CBFದಳು", "past 3sg.f"), ("\u0CBFತು", "past 3sg.n"),
            ("\u0CBFದರು", "past 3pl"), ("\u0CC1ವ", "present relative participle"), ("\u0CBFದ", "past relative participle"),
            ("\u0CC1ವುದು", "verbal noun"), ("\u0CC1ವುದಿಲ್ಲ", "negative"), ("\u0CBFದರೆ", "conditional"),
            ("\u0CBFದೆ", "perfect 3sg.n"), ("\u0CC1ತ್ತಿದ್ದಾನೆ", "progressive 3sg.m"));
        // ಬರೆ: ಬರೆಯಲು, ಬರೆಯುತ್ತ, ಬರೆದು, ಬರೆಯುತ್ತಾನೆ, ಬರೆದನು, ಬರೆಯಿತು, ಬರೆಯುವ, ಬರೆದ, ಬರೆಯುವುದು, ಬರೆಯುವುದಿಲ್ಲ, ಬರೆದರೆ …
        Add(Paradigm.VerbFrontVowel, "",
            ("", "stem (imperative 2sg)"), ("ಯಲು", "infinitive"), ("ಯಬೇಕು", "debitive"), ("ಯುತ್ತ", "present adverbial participle"),
            ("ದು", "past adverbial participle"), ("ಯುತ್ತೇನೆ", "present 1sg"), ("ಯುತ್ತಾನೆ", "present 3sg.m"),
            ("ಯುತ್ತಾಳೆ", "present 3sg.f"), ("ಯುತ್ತದೆ", "present 3sg.n"), ("ಯುತ್ತಾರೆ", "present 3pl"),
            ("ದೆನು", "past 1sg"), ("ದನು", "past 3sg.m"), ("ದಳು", "past 3sg.f"), ("ಯಿತು", "past 3sg.n"), ("ದರು", "past 3pl"),
            ("ಯುವ", "present relative participle"), ("ದ", "past relative participle"), ("ಯುವುದು", "verbal noun"),
            ("ಯುವುದಿಲ್ಲ", "negative"), ("ದರೆ", "conditional"), ("ದಿದೆ", "perfect 3sg.n"), ("ಯುತ್ತಿದ್ದಾನೆ", "progressive 3sg.m"));
        return [.. rules];
    }
}
