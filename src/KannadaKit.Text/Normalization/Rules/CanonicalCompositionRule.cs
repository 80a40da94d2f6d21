using System.Text;

namespace KannadaKit.Text.Normalization.Rules;

/// <summary>Unicode NFC: canonical reordering and composition, segment by segment.</summary>
internal sealed class CanonicalCompositionRule : NormalizationRule
{
    public override string Name => "nfc";

    public override string Description =>
        "Unicode NFC (UAX #15): composes two-part vowel signs (ೆ+ೕ→ೇ, ೆ+ೂ→ೊ, ೊ+ೕ→ೋ, ಿ+ೕ→ೀ, ೆ+ೖ→ೈ) and puts nukta before virama; "
        + "decomposes composition exclusions such as Devanagari क़";

    public override void DeclareTriggers(TriggerSet triggers)
    {
        var data = NfcData.Instance;
        for (int c = 0; c < 65536; c++)
        {
            byte f = data[(char)c];
            if ((f & NfcData.Trigger) != 0)
            {
                triggers.Add((char)c);
            }
        }

        foreach (var (first, second) in data.CompositionPairs)
        {
            triggers.AddPair(first, second);
        }
    }

    private static bool ComposesWithPrevious(ReadOnlySpan<char> text, int index) =>
        index > 0 && NfcData.Instance.ComposesAfter(text[index - 1], text[index]);

    public override void Apply(ref TextRewriter output)
    {
        var data = NfcData.Instance;
        var s = output.Source;
        int done = 0;
        for (int i = 0; i < s.Length; i++)
        {
            byte f = data[s[i]];
            bool trigger = (f & NfcData.Trigger) != 0 || ((f & NfcData.MaybeAfter) != 0 && ComposesWithPrevious(s, i));
            if (!trigger || i < done)
            {
                continue;
            }

            // Widen to the enclosing segment between boundaries (UAX #15 §9.1: safe to normalize independently).
            int start = i;
            while (start > done && (data[s[start]] & NfcData.Boundary) == 0)
            {
                start--;
            }

            int end = i + 1;
            while (end < s.Length && (data[s[end]] & NfcData.Boundary) == 0)
            {
                end++;
            }

            var segment = s[start..end];
            done = end;
            if (!IsWellFormed(segment) || segment.IsNormalized(NormalizationForm.FormC))
            {
                continue;
            }

            output.Replace(start, end - start, segment.ToString().Normalize(NormalizationForm.FormC));
        }
    }

    /// <summary>ICU rejects lone surrogates and non-characters; such segments are left as they are.</summary>
    private static bool IsWellFormed(ReadOnlySpan<char> segment)
    {
        for (int i = 0; i < segment.Length; i++)
        {
            char c = segment[i];
            if (c is '\uFFFE' or '\uFFFF')
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= segment.Length || !char.IsLowSurrogate(segment[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
