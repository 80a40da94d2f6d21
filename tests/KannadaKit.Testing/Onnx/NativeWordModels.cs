namespace KannadaKit.Testing.Onnx;

/// <summary>
/// Tiny text models that "know" native equivalents: a word-level tokenizer over a few Kannada words and a lookup
/// table from the last token, so ಶಾಲೆ continues as ಕಲಿಮನೆ , ಓದುಮನೆ (or school) and ಪುಸ್ತಕ as ಹೊತ್ತಗೆ; any other last
/// token ends the answer at once. The encoder-decoder form starts from &lt;s&gt; and answers for ಶಾಲೆ whatever it reads.
/// </summary>
public static class NativeWordModels
{
    /// <summary>The vocabulary, ids in order; the first three are special.</summary>
    public static string[] Words { get; } = ["<pad>", "<s>", "</s>", "ಶಾಲೆ", "ಕಲಿಮನೆ", ",", "ಓದುಮನೆ", "school", "ಪುಸ್ತಕ", "ಹೊತ್ತಗೆ", "word:"];

    private static int Id(string w) => Array.IndexOf(Words, w);

    private static float[][] Rows(bool startAnswers)
    {
        int v = Words.Length;
        var rows = new float[v][];
        for (int t = 0; t < v; t++)
            rows[t] = TinyModels.Row(v, (2, 1.0));
        rows[Id("ಶಾಲೆ")] = TinyModels.Row(v, (Id("ಕಲಿಮನೆ"), 0.7), (Id("ಓದುಮನೆ"), 0.3));
        rows[Id("ಕಲಿಮನೆ")] = TinyModels.Row(v, (Id(","), 0.9), (2, 0.1));
        rows[Id(",")] = TinyModels.Row(v, (Id("ಓದುಮನೆ"), 0.6), (Id("school"), 0.4));
        rows[Id("ಪುಸ್ತಕ")] = TinyModels.Row(v, (Id("ಹೊತ್ತಗೆ"), 1.0));
        if (startAnswers)
            rows[1] = rows[Id("ಶಾಲೆ")];
        return rows;
    }

    /// <summary>A decoder-only folder (optionally with a chat template that passes the user message through).</summary>
    public static string DecoderOnly(string root, bool chatTemplate = false)
    {
        string folder = TinyModels.DecoderOnlyFolder(root, TinyModels.Weights.Lookup(Rows(startAnswers: false)), new { eos_token_id = 2, max_new_tokens = 12 });
        WriteTokenizer(folder);
        if (chatTemplate)
        {
            TinyModels.Json(Path.Combine(folder, "tokenizer_config.json"), new
            {
                bos_token = "<s>",
                chat_template = "{{ bos_token }}{% for m in messages %}{% if m['role'] == 'user' %}{{ ' ' + m['content'] | trim }}{% endif %}{% endfor %}",
            });
        }

        return folder;
    }

    /// <summary>An encoder-decoder folder (merged decoder) whose answer is ಶಾಲೆ's.</summary>
    public static string EncoderDecoder(string root)
    {
        string folder = TinyModels.EncoderDecoderFolder(root, TinyModels.Weights.Lookup(Rows(startAnswers: true)));
        WriteTokenizer(folder);
        return folder;
    }

    private static void WriteTokenizer(string folder) => TinyModels.WordLevelTokenizer(folder, Words);
}
