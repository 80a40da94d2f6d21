using System.Globalization;

namespace KannadaKit.Subtitles;

/// <summary>Timestamps of both formats, to the millisecond.</summary>
internal static class SubtitleTime
{
    /// <summary>Rounds to whole milliseconds, the precision both formats carry.</summary>
    public static TimeSpan Round(TimeSpan t) => TimeSpan.FromMilliseconds(Math.Round(t.TotalMilliseconds, MidpointRounding.AwayFromZero));

    public static string Format(TimeSpan t, char fraction)
    {
        long ms = (long)Math.Round(t.TotalMilliseconds, MidpointRounding.AwayFromZero);
        if (ms < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, "subtitle times cannot be negative");
        }

        long h = ms / 3_600_000, m = ms / 60_000 % 60, s = ms / 1000 % 60, f = ms % 1000;
        return string.Create(CultureInfo.InvariantCulture, $"{h:00}:{m:00}:{s:00}{fraction}{f:000}");
    }

    /// <summary>
    /// WebVTT's timestamp: <c>[hh:]mm:ss.ttt</c>, hours of two or more digits, minutes and seconds 00–59, exactly three
    /// fraction digits. Returns the length read, or 0 when <paramref name="s"/> does not start with one.
    /// </summary>
    public static int ParseVtt(ReadOnlySpan<char> s, out TimeSpan value)
    {
        value = default;
        int i = 0;
        long first = Digits(s, ref i, out int n1);
        if (n1 == 0 || i >= s.Length || s[i] != ':')
        {
            return 0;
        }

        i++;
        long second = Digits(s, ref i, out int n2);
        if (n2 != 2)
        {
            return 0;
        }

        long hours = 0, minutes, seconds;
        if (i < s.Length && s[i] == ':')
        {
            i++;
            seconds = Digits(s, ref i, out int n3);
            if (n3 != 2 || n1 < 2)
            {
                return 0;
            }

            hours = first;
            minutes = second;
        }
        else
        {
            if (n1 != 2)
            {
                return 0;
            }

            minutes = first;
            seconds = second;
        }

        if (i >= s.Length || s[i] != '.')
        {
            return 0;
        }

        i++;
        long ms = Digits(s, ref i, out int n4);
        if (n4 != 3 || minutes > 59 || seconds > 59)
        {
            return 0;
        }

        value = TimeSpan.FromMilliseconds((((hours * 60) + minutes) * 60 + seconds) * 1000 + ms);
        return i;
    }

    /// <summary>SRT's <c>HH:MM:SS,mmm</c>, tolerating what players accept: 1+ hour digits, '.' for ',', 1–3 fraction digits.</summary>
    public static int ParseSrt(ReadOnlySpan<char> s, out TimeSpan value)
    {
        value = default;
        int i = 0;
        long h = Digits(s, ref i, out int n1);
        if (n1 == 0 || i >= s.Length || s[i] != ':')
        {
            return 0;
        }

        i++;
        long m = Digits(s, ref i, out int n2);
        if (n2 is 0 or > 2 || i >= s.Length || s[i] != ':')
        {
            return 0;
        }

        i++;
        long sec = Digits(s, ref i, out int n3);
        if (n3 is 0 or > 2 || i >= s.Length || (s[i] != ',' && s[i] != '.'))
        {
            return 0;
        }

        i++;
        long f = Digits(s, ref i, out int n4);
        if (n4 is 0 or > 3 || m > 59 || sec > 59)
        {
            return 0;
        }

        long ms = n4 == 1 ? f * 100 : n4 == 2 ? f * 10 : f;
        value = TimeSpan.FromMilliseconds(((((h * 60) + m) * 60) + sec) * 1000 + ms);
        return i;
    }

    private static long Digits(ReadOnlySpan<char> s, ref int i, out int count)
    {
        long v = 0;
        count = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]) && count < 12)
        {
            v = (v * 10) + (s[i] - '0');
            i++;
            count++;
        }

        return v;
    }
}
