using System.Text;
using KannadaKit.Text.Normalization;

namespace KannadaKit.Text.Tests.Normalization;

public class RandomPropertyTests
{
    // Kannada letters, signs and digits, joiners, invisibles, spaces and the punctuation the rules look at.
    private static readonly string s_alphabet =
        "ಅಆಇಉಊಋಒಓಔಕಖಗಜಟಡತದನಪಫಬಮಯರಲವಶಸಹಳೞ" + "ಾಿೀುೂೃೆೇೈೊೋೌ಼್ಂಃೕೖ" + "೦೧೨೯0123" + "\u200C\u200D\u200B\u00A0\u00AD\uFEFF\u2060"
        + " \t:|.,-–—…“”‘’'\"" + "కనా్" + "कक़्" + "ন্ত" + "ab" + "\r\u0007";

    public static TheoryData<NormalizationProfile> Profiles => new() { NormalizationProfile.Default, NormalizationProfile.Aggressive };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Normalize_RandomKannadaStrings_IsIdempotentNfcAndOffsetsAreMonotonic(NormalizationProfile profile)
    {
        var normalizer = IndicNormalizer.Create(profile);
        var random = new Random(20261121);
        var sb = new StringBuilder();
        for (int n = 0; n < 30_000; n++)
        {
            sb.Clear();
            int length = random.Next(1, 24);
            for (int k = 0; k < length; k++)
            {
                sb.Append(s_alphabet[random.Next(s_alphabet.Length)]);
            }

            string input = sb.ToString();
            var result = normalizer.NormalizeWithOffsets(input);
            string once = result.Text;
            string twice = normalizer.Normalize(once);
            Assert.True(string.Equals(once, twice, StringComparison.Ordinal),
                $"not idempotent: {NormalizationSpec.Escape(input)} → {NormalizationSpec.Escape(once)} → {NormalizationSpec.Escape(twice)}");
            Assert.True(once.IsNormalized(NormalizationForm.FormC), $"not NFC: {NormalizationSpec.Escape(once)}");

            var map = result.Offsets;
            Assert.Equal(once.Length, map.Length);
            Assert.Equal(input.Length, map.ToSource(map.Length));
            for (int i = 1; i <= map.Length; i++)
            {
                Assert.True(map.ToSource(i) >= map.ToSource(i - 1), $"offsets go backwards at {i} for {NormalizationSpec.Escape(input)}");
            }
        }
    }
}
