using System.Globalization;
using System.Text.RegularExpressions;

namespace KannadaKit.News.Feeds;

/// <summary>
/// Dates as feeds write them: RFC 822 and its sloppy variants (no weekday, two-digit years, named zones such as IST,
/// "Sept", no seconds), W3C-DTF / ISO 8601 (basic and extended, date only, fractions, ±hh, ±hhmm, ±hh:mm), asctime,
/// "December 2, 2026 10:30 AM IST" as Indian sites print it, and Kannada digits and month names (ಡಿಸೆಂಬರ್ ೨, ೨೦೨೬).
/// Everything comes back in UTC; a time without a zone is taken as UTC, as feedparser does.
/// </summary>
public static partial class FeedDates
{
    private static readonly Dictionary<string, int> s_months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["january"] = 1, ["feb"] = 2, ["february"] = 2, ["mar"] = 3, ["march"] = 3, ["apr"] = 4, ["april"] = 4,
        ["may"] = 5, ["jun"] = 6, ["june"] = 6, ["jul"] = 7, ["july"] = 7, ["aug"] = 8, ["august"] = 8,
        ["sep"] = 9, ["sept"] = 9, ["september"] = 9, ["oct"] = 10, ["october"] = 10, ["nov"] = 11, ["november"] = 11,
        ["dec"] = 12, ["december"] = 12,
        // Kannada month names as news sites write them (ಜನವರಿ … ಡಿಸೆಂಬರ್), with common spelling variants.
        ["ಜನವರಿ"] = 1, ["ಫೆಬ್ರವರಿ"] = 2, ["ಫೆಬ್ರುವರಿ"] = 2, ["ಮಾರ್ಚ್"] = 3, ["ಏಪ್ರಿಲ್"] = 4, ["ಮೇ"] = 5, ["ಜೂನ್"] = 6,
        ["ಜುಲೈ"] = 7, ["ಆಗಸ್ಟ್"] = 8, ["ಆಗಸ್ಟ"] = 8, ["ಸೆಪ್ಟೆಂಬರ್"] = 9, ["ಸಪ್ಟೆಂಬರ್"] = 9, ["ಅಕ್ಟೋಬರ್"] = 10, ["ಅಕ್ಟೊಬರ್"] = 10,
        ["ನವೆಂಬರ್"] = 11, ["ಡಿಸೆಂಬರ್"] = 12,
    };

    // RFC 822 zone names, plus IST (India, +05:30: the zone Kannada outlets print).
    private static readonly Dictionary<string, int> s_zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ut"] = 0, ["utc"] = 0, ["gmt"] = 0, ["z"] = 0, ["est"] = -300, ["edt"] = -240, ["cst"] = -360, ["cdt"] = -300,
        ["mst"] = -420, ["mdt"] = -360, ["pst"] = -480, ["pdt"] = -420, ["ist"] = 330, ["bst"] = 60, ["cet"] = 60, ["cest"] = 120,
    };

    /// <summary>The instant <paramref name="text"/> names, in UTC, or null when it is not a date.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
            return null;
        string s = AsciiDigits(text.Trim());
        return Iso(s) ?? Rfc822(s) ?? MonthFirst(s) ?? AscTime(s) ?? Fallback(s);
    }

    private static DateTimeOffset? Iso(string s)
    {
        var m = IsoPattern().Match(s);
        if (!m.Success)
            return null;
        int year = Int(m.Groups["y"]), month = m.Groups["mo"].Success ? Int(m.Groups["mo"]) : 1, day = m.Groups["d"].Success ? Int(m.Groups["d"]) : 1;
        int hour = m.Groups["h"].Success ? Int(m.Groups["h"]) : 0, minute = m.Groups["mi"].Success ? Int(m.Groups["mi"]) : 0;
        int second = m.Groups["s"].Success ? Int(m.Groups["s"]) : 0;
        double fraction = m.Groups["f"].Success ? double.Parse("0." + m.Groups["f"].Value, CultureInfo.InvariantCulture) : 0;
        int? offset = m.Groups["z"].Success ? Offset(m.Groups["z"].Value) : 0;
        return offset is { } o ? Make(year, month, day, hour, minute, second, o, fraction) : null;
    }

    private static DateTimeOffset? Rfc822(string s)
    {
        var m = RfcPattern().Match(s);
        if (!m.Success || !s_months.TryGetValue(m.Groups["mo"].Value, out int month))
            return null;
        int year = Year(m.Groups["y"].Value);
        int hour = m.Groups["h"].Success ? Int(m.Groups["h"]) : 0, minute = m.Groups["mi"].Success ? Int(m.Groups["mi"]) : 0;
        int second = m.Groups["s"].Success ? Int(m.Groups["s"]) : 0;
        if (m.Groups["ampm"].Success)
            hour = TwelveHour(hour, m.Groups["ampm"].Value);
        int? offset = m.Groups["z"].Success ? Offset(m.Groups["z"].Value) : 0;
        return offset is { } o ? Make(year, month, Int(m.Groups["d"]), hour, minute, second, o) : null;
    }

    private static DateTimeOffset? MonthFirst(string s)
    {
        var m = MonthFirstPattern().Match(s);
        if (!m.Success || !s_months.TryGetValue(m.Groups["mo"].Value, out int month))
            return null;
        int hour = m.Groups["h"].Success ? Int(m.Groups["h"]) : 0, minute = m.Groups["mi"].Success ? Int(m.Groups["mi"]) : 0;
        int second = m.Groups["s"].Success ? Int(m.Groups["s"]) : 0;
        if (m.Groups["ampm"].Success)
            hour = TwelveHour(hour, m.Groups["ampm"].Value);
        int? offset = m.Groups["z"].Success ? Offset(m.Groups["z"].Value) : 0;
        return offset is { } o ? Make(Year(m.Groups["y"].Value), month, Int(m.Groups["d"]), hour, minute, second, o) : null;
    }

    private static DateTimeOffset? AscTime(string s)
    {
        var m = AscTimePattern().Match(s);
        if (!m.Success || !s_months.TryGetValue(m.Groups["mo"].Value, out int month))
            return null;
        return Make(Int(m.Groups["y"]), month, Int(m.Groups["d"]), Int(m.Groups["h"]), Int(m.Groups["mi"]), Int(m.Groups["s"]), 0);
    }

    private static DateTimeOffset? Fallback(string s) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var d)
            ? d.ToUniversalTime()
            : null;

    private static int? Offset(string z)
    {
        if (s_zones.TryGetValue(z, out int named))
            return named;
        var m = OffsetPattern().Match(z);
        if (!m.Success)
            return null;
        int minutes = (Int(m.Groups["h"]) * 60) + (m.Groups["m"].Success ? Int(m.Groups["m"]) : 0);
        return m.Groups["sign"].Value == "-" ? -minutes : minutes;
    }

    private static DateTimeOffset? Make(int year, int month, int day, int hour, int minute, int second, int offsetMinutes, double fraction = 0)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 24 || minute > 59 || second > 60 || Math.Abs(offsetMinutes) > 14 * 60)
            return null;
        // 24:00 is the end of the day; a leap second is read as the last second of its minute.
        var local = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified)
            .AddHours(hour).AddMinutes(minute).AddSeconds(Math.Min(second, 59) + fraction);
        return new DateTimeOffset(local, TimeSpan.FromMinutes(offsetMinutes)).ToUniversalTime();
    }

    private static int Year(string y)
    {
        int v = int.Parse(y, CultureInfo.InvariantCulture);
        // Two- and three-digit years as RFC 2822 reads them: 00–49 → 2000s, 50–99 → 1900s.
        return y.Length switch
        {
            2 => v < 50 ? 2000 + v : 1900 + v,
            3 => 1900 + v,
            _ => v,
        };
    }

    private static int TwelveHour(int hour, string ampm) =>
        ampm.StartsWith('p') || ampm.StartsWith('P') ? (hour % 12) + 12 : hour % 12;

    private static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);

    private static string AsciiDigits(string s)
    {
        if (!s.Any(c => c is >= '\u0CE6' and <= '\u0CEF'))
            return s;
        return string.Create(s.Length, s, (span, src) =>
        {
            for (int i = 0; i < src.Length; i++)
                span[i] = src[i] is >= '\u0CE6' and <= '\u0CEF' ? (char)('0' + (src[i] - '\u0CE6')) : src[i];
        });
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:-?(?<mo>\d{2})(?:-?(?<d>\d{2}))?)?(?:[T ](?<h>\d{2})(?::?(?<mi>\d{2})(?::?(?<s>\d{2})(?:[.,](?<f>\d{1,9}))?)?)?)?\s*(?<z>Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?:[A-Za-z]{3,9}\.?,?\s*)?(?<d>\d{1,2})(?:st|nd|rd|th)?[\s-]+(?<mo>[A-Za-z]{3,9}|[\u0C80-\u0CFF]+)\.?,?[\s-]+(?<y>\d{2,4}),?(?:\s+(?:at\s+)?(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:\.\d+)?\s*(?<ampm>[AaPp]\.?[Mm]\.?)?)?\s*(?<z>[A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex RfcPattern();

    [GeneratedRegex(@"^(?:[A-Za-z]{3,9},?\s+)?(?<mo>[A-Za-z]{3,9}|[\u0C80-\u0CFF]+)\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4}),?(?:\s+(?:at\s+)?(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?\s*(?<ampm>[AaPp]\.?[Mm]\.?)?)?\s*(?<z>[A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthFirstPattern();

    [GeneratedRegex(@"^[A-Za-z]{3}\s+(?<mo>[A-Za-z]{3})\s+(?<d>\d{1,2})\s+(?<h>\d{2}):(?<mi>\d{2}):(?<s>\d{2})\s+(?<y>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex AscTimePattern();

    [GeneratedRegex(@"^(?<sign>[+-])(?<h>\d{2}):?(?<m>\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();
}
