using KannadaKit.Testing.Onnx;

namespace KannadaKit.Testing.News;

/// <summary>
/// Tiny summarization models whose answers are known: a word-level tokenizer and a lookup table on the last token.
/// The decoder-only model's chat template ends the prompt with <c>&lt;answer&gt;</c>, after which it writes a labelled
/// headline and summary; without the template the prompt ends with the headline label and it goes on from there. The
/// encoder-decoder model starts from &lt;s&gt; and writes the summary alone. Every other word (and every word it does
/// not know, id 0) ends the answer.
/// </summary>
public static class SummaryModels
{
    /// <summary>The headline the decoder-only model writes.</summary>
    public const string Headline = "ಮಂಗಳೂರಿನಲ್ಲಿ ಭಾರಿ ಮಳೆ";

    /// <summary>The summary both models write.</summary>
    public const string Summary = "ಕರಾವಳಿಯಲ್ಲಿ ಶಾಲೆಗಳಿಗೆ ರಜೆ. ಜನರು ಎಚ್ಚರ ವಹಿಸಬೇಕು.";

    /// <summary>The decoder-only model's positions.</summary>
    public const int Positions = 256;

    private static readonly string[] s_words =
    [
        "<pad>", "<s>", "</s>", "<answer>", "ಶೀರ್ಷಿಕೆ:", "ಮಂಗಳೂರಿನಲ್ಲಿ", "ಭಾರಿ", "ಮಳೆ", "ಸಾರಾಂಶ:",
        "ಕರಾವಳಿಯಲ್ಲಿ", "ಶಾಲೆಗಳಿಗೆ", "ರಜೆ.", "ಜನರು", "ಎಚ್ಚರ", "ವಹಿಸಬೇಕು.", "Heavy", "rain.",
    ];

    private static float[][] Rows(bool english, string[]? words = null)
    {
        words ??= s_words;
        int Id(string w) => Array.IndexOf(words, w);
        int v = words.Length;
        var rows = new float[v][];
        for (int t = 0; t < v; t++)
            rows[t] = TinyModels.Row(v, (2, 1.0));
        void Chain(params string[] words)
        {
            for (int i = 0; i + 1 < words.Length; i++)
                rows[Id(words[i])] = TinyModels.Row(v, (Id(words[i + 1]), 1.0));
        }

        if (english)
        {
            Chain("<answer>", "Heavy", "rain.", "</s>");
            rows[1] = rows[Id("<answer>")];
            return rows;
        }

        Chain("<answer>", "ಶೀರ್ಷಿಕೆ:", "ಮಂಗಳೂರಿನಲ್ಲಿ", "ಭಾರಿ", "ಮಳೆ", "ಸಾರಾಂಶ:", "ಕರಾವಳಿಯಲ್ಲಿ", "ಶಾಲೆಗಳಿಗೆ", "ರಜೆ.", "ಜನರು", "ಎಚ್ಚರ", "ವಹಿಸಬೇಕು.", "</s>");
        rows[1] = rows[Id("ಸಾರಾಂಶ:")]; // the encoder-decoder's answer starts at the summary
        if (Id(LanguageTag) is > 0 and var tag)
        {
            // IndicBART style: the answer starts at the language tag; from <s> it would be English.
            rows[tag] = rows[1];
            rows[1] = TinyModels.Row(v, (Id("Heavy"), 1.0));
            rows[Id("Heavy")] = TinyModels.Row(v, (Id("rain."), 1.0));
        }

        return rows;
    }

    /// <summary>A decoder-only folder: with a chat template, or (without) a plain prompt; <paramref name="maxPositions"/>
    /// goes into config.json (the model itself has <see cref="Positions"/> and fails past them).</summary>
    public static string DecoderOnly(string root, bool chatTemplate = true, int? maxPositions = Positions, bool english = false)
    {
        var rows = Rows(english);
        var weights = TinyModels.Weights.Lookup(rows) with { P = new float[Positions * rows.Length], MaxPositions = Positions };
        string folder = TinyModels.DecoderOnlyFolder(root, weights, new { eos_token_id = 2 });
        TinyModels.WordLevelTokenizer(folder, s_words);
        TinyModels.Json(Path.Combine(folder, "config.json"), new
        {
            model_type = "tiny",
            vocab_size = s_words.Length,
            num_attention_heads = 1,
            hidden_size = TinyModels.Dim,
            eos_token_id = 2,
            bos_token_id = 1,
            pad_token_id = 0,
            max_position_embeddings = maxPositions,
        });
        if (chatTemplate)
        {
            TinyModels.Json(Path.Combine(folder, "tokenizer_config.json"), new
            {
                bos_token = "<s>",
                eos_token = "</s>",
                chat_template = "{{ bos_token }}{% for m in messages %}{{ ' ' + m['content'] | trim }}{% endfor %}{% if add_generation_prompt %} <answer>{% endif %}",
            });
        }

        return folder;
    }

    /// <summary>The language tag of IndicBART-style models.</summary>
    public const string LanguageTag = "<2kn>";

    /// <summary>An encoder-decoder folder (merged decoder) that writes <see cref="Summary"/>; with
    /// <paramref name="languageTag"/>, only when decoding starts at &lt;2kn&gt; (from &lt;s&gt; it writes English).</summary>
    public static string EncoderDecoder(string root, bool languageTag = false)
    {
        string[] words = languageTag ? [.. s_words, LanguageTag] : s_words;
        string folder = TinyModels.EncoderDecoderFolder(root, TinyModels.Weights.Lookup(Rows(english: false, words)));
        TinyModels.WordLevelTokenizer(folder, words);
        return folder;
    }
}
