using KannadaKit.Lexicon.Model;

namespace KannadaKit.Lexicon.Origins;

/// <summary>
/// Guesses a word's origin. Etymology templates from Wiktionary decide when present (<c>{{inh|kn|dra-pro|…}}</c> is
/// native, <c>{{bor|kn|sa|…}}</c> tatsama, <c>{{bor|kn|en|…}}</c> English…); otherwise orthographic and morphological
/// hints vote: aspirates, ಷ, ಋ, ಃ and Sanskrit clusters for tatsama; ಳ, ೞ, ಱ, short ಎ/ಒ inside the word and native
/// suffixes for native; nukta letters, ್ಯಾ and a final virama for English; Perso-Arabic endings. Every vote is reported as
/// evidence, and the confidence stays below what a template gives. Thread-safe.
/// </summary>
public static class OriginClassifier
{
    /// <summary>The provenance of classifier output.</summary>
    public static Provenance Source { get; } = new("kannadakit-origin-rules", "computed");

    private static readonly string[] s_sanskritClusters =
        ["ಕ್ಷ", "ಜ್ಞ", "ತ್ರ", "ದ್ರ", "ಪ್ರ", "ಶ್ರ", "ಸ್ತ", "ತ್ಮ", "ದ್ಯ", "ತ್ಯ", "ವ್ಯ", "ಶ್ವ", "ಸ್ವ", "ದ್ವ", "ಗ್ರ", "ಕ್ರ", "ಬ್ರ", "ತ್ವ", "ನ್ಯ", "ಮ್ಯ", "ಹ್ಮ", "ಹ್ನ", "ಸ್ಮ", "ಪ್ತ", "ಕ್ತ", "ತ್ಸ", "ದ್ಧ", "ಬ್ದ", "ರ್ಯ", "ರ್ಮ", "ರ್ಣ", "ರ್ತ", "ರ್ಶ", "ರ್ವ"];

    private static readonly string[] s_nativeSuffixes = ["ಗಾರ", "ಗಾರ್ತಿ", "ತನ", "ಇಕೆ", "\u0CBFಕೆ", "ಅರಿಮೆ", "ರಿಮೆ", "ರಿಗ", "ವಳಿಗೆ", "ಗಿತ್ತಿ", "ಣಿಗೆ"];

    private static readonly string[] s_persoArabicEndings = ["ದಾರ", "ದಾರ್", "ಖಾನೆ", "ಖಾತೆ", "ನಾಮೆ", "ಬಾಜಿ", "ಗೀರ್", "ವಾರು", "ಸಾಬ್", "ಜಮೀನ್", "ಕಾನೂನು", "ಸರ್ಕಾರ", "ತಹಸೀಲ್"];

    private static readonly string[] s_englishEndings = ["ಷನ್", "ಶನ್", "ಟರ್", "ಡರ್", "ಿಂಗ್", "ಮೆಂಟ್", "ಲಜಿ", "ನೆಟ್", "ಸ್ಟ್", "ಕ್ಸ್", "ೋಲ್", "ಬಲ್", "ಟಿವಿ"];

    /// <summary>Classifies from etymology templates first, then from the spelling; Unknown when nothing votes.</summary>
    public static Origin Classify(string headword, IEnumerable<EtymologyTemplate>? templates = null)
    {
        ArgumentNullException.ThrowIfNull(headword);
        if (templates is not null && FromTemplates(templates) is { } t)
            return t;
        return FromSpelling(headword);
    }

    /// <summary>The origin stated by the first Kannada etymology template that names a source language, or null.</summary>
    public static Origin? FromTemplates(IEnumerable<EtymologyTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        foreach (var t in templates)
        {
            if (t.Arguments.Count < 2 || t.Arguments[0] != "kn")
                continue;
            string name = t.Name.ToLowerInvariant();
            string lang = t.Arguments[1];
            OriginClass? c = name switch
            {
                "inh" or "inh+" when lang.StartsWith("dra", StringComparison.Ordinal) || lang.StartsWith("kn-", StringComparison.Ordinal) => OriginClass.Native,
                "bor" or "bor+" or "lbor" or "slbor" or "obor" or "ubor" or "der" or "der+" or "inh" or "inh+" => LanguageClass(lang, name),
                _ => null,
            };
            if (c is { } cls)
            {
                double confidence = name.StartsWith("der", StringComparison.Ordinal) ? 0.85 : 0.95;
                return new Origin(cls, confidence, [t.ToString()], Source);
            }
        }

        return null;
    }

    /// <summary>The origin the spelling suggests.</summary>
    public static Origin FromSpelling(string headword)
    {
        ArgumentNullException.ThrowIfNull(headword);
        string w = headword.Normalize(System.Text.NormalizationForm.FormC);
        var votes = new Dictionary<OriginClass, (double Score, List<string> Why)>();
        void Vote(OriginClass c, double weight, string why)
        {
            var (s, list) = votes.TryGetValue(c, out var v) ? v : (0.0, new List<string>());
            list.Add(why);
            votes[c] = (1 - ((1 - s) * (1 - weight)), list); // independent hints combine like probabilities
        }

        foreach (char c in w)
        {
            switch (c)
            {
                case 'ಖ' or 'ಘ' or 'ಛ' or 'ಝ' or 'ಠ' or 'ಢ' or 'ಥ' or 'ಧ' or 'ಫ' or 'ಭ':
                    Vote(OriginClass.Tatsama, 0.45, $"aspirate {c}");
                    break;
                case 'ಷ':
                    Vote(OriginClass.Tatsama, 0.45, "ಷ");
                    break;
                case 'ಋ' or '\u0CC3' or '\u0CC4':
                    Vote(OriginClass.Tatsama, 0.6, "vocalic r (ಋ/ೃ)");
                    break;
                case 'ಃ':
                    Vote(OriginClass.Tatsama, 0.6, "visarga ಃ");
                    break;
                case 'ಶ':
                    Vote(OriginClass.Tatsama, 0.3, "ಶ");
                    break;
                case 'ಳ':
                    Vote(OriginClass.Native, 0.45, "ಳ");
                    break;
                case 'ೞ' or 'ಱ':
                    Vote(OriginClass.Native, 0.7, $"old Kannada letter {c}");
                    break;
                case '\u0CBC':
                    Vote(OriginClass.English, 0.4, "nukta");
                    Vote(OriginClass.PersoArabic, 0.4, "nukta");
                    break;
                case 'ಐ' or '\u0CC8' or 'ಔ' or '\u0CCC':
                    Vote(OriginClass.Tatsama, 0.25, "ಐ/ಔ");
                    break;
            }
        }

        foreach (var cl in s_sanskritClusters)
        {
            if (w.Contains(cl, StringComparison.Ordinal))
                Vote(OriginClass.Tatsama, 0.35, $"cluster {cl}");
        }

        // Sanskrit has only long e and o: a short ಎ/ಒ before the last akshara points to a native (or English) word.
        string inner = w.Length > 2 ? w[..^2] : "";
        if (inner.IndexOfAny(['\u0CC6', '\u0CCA', 'ಎ', 'ಒ']) >= 0)
            Vote(OriginClass.Native, 0.35, "short ಎ/ಒ inside the word");

        foreach (var s in s_nativeSuffixes)
        {
            if (w.EndsWith(s, StringComparison.Ordinal) && w.Length > s.Length + 1)
                Vote(OriginClass.Native, 0.4, $"native suffix -{s}");
        }

        foreach (var s in s_persoArabicEndings)
        {
            if (w.EndsWith(s, StringComparison.Ordinal) || w == s)
                Vote(OriginClass.PersoArabic, 0.55, $"Perso-Arabic ending {s}");
        }

        foreach (var s in s_englishEndings)
        {
            if (w.EndsWith(s, StringComparison.Ordinal))
                Vote(OriginClass.English, 0.5, $"English ending {s}");
        }

        if (w.Contains("\u0CCDಯಾ", StringComparison.Ordinal) && w.IndexOf("\u0CCDಯಾ", StringComparison.Ordinal) <= 2)
            Vote(OriginClass.English, 0.5, "್ಯಾ for English æ");
        if (w.EndsWith('\u0CCD') && !w.EndsWith("ಾನ್", StringComparison.Ordinal) && !w.EndsWith("ತ್", StringComparison.Ordinal))
            Vote(OriginClass.English, 0.45, "ends in a consonant");
        if (w.Contains('ಾ') && w.EndsWith("ಂಕ್", StringComparison.Ordinal))
            Vote(OriginClass.English, 0.3, "-ಂಕ್");

        // A native word ends in a vowel, usually ಉ, ಎ or ಇ after a geminate or a plain consonant, with no Sanskrit hint.
        if (!votes.ContainsKey(OriginClass.Tatsama) && !votes.ContainsKey(OriginClass.English) && !votes.ContainsKey(OriginClass.PersoArabic)
            && w.Length >= 2 && w[^1] is '\u0CC1' or '\u0CC6' or '\u0CBF')
        {
            Vote(OriginClass.Native, 0.35, "vowel ending without Sanskrit or loan hints");
        }

        if (votes.Count == 0)
            return new Origin(OriginClass.Unknown, 0, [], Source);
        var best = votes.MaxBy(kv => kv.Value.Score);
        double rest = votes.Where(kv => kv.Key != best.Key).Select(kv => kv.Value.Score).DefaultIfEmpty(0).Max();
        // Conflicting hints lower the confidence; spelling alone never reaches a template's certainty.
        double confidence = Math.Round(Math.Min(0.8, best.Value.Score * (1 - (rest / 2))), 2);
        return new Origin(best.Key, confidence, best.Value.Why, Source);
    }

    private static OriginClass LanguageClass(string lang, string templateName) => lang switch
    {
        "sa" => templateName.StartsWith("der", StringComparison.Ordinal) ? OriginClass.Tadbhava : OriginClass.Tatsama,
        "pra" or "pi" or "inc-pra" or "inc-mgd" or "inc-psc" or "inc-ash" => OriginClass.Tadbhava,
        "fa" or "ar" or "ur" or "hi" or "hns" or "inc-hnd" or "fa-cls" or "tr" or "ota" => OriginClass.PersoArabic,
        "en" => OriginClass.English,
        _ when lang.StartsWith("dra", StringComparison.Ordinal) || lang is "kn" or "kn-old" or "kn-mid" => OriginClass.Native,
        _ => OriginClass.Other,
    };
}
