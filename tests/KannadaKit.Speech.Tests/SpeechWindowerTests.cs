using KannadaKit.Speech.Vad;

namespace KannadaKit.Speech.Tests;

/// <summary>Frame probabilities in, windows out: 512-sample frames (32 ms), default options unless said.</summary>
public class SpeechWindowerTests
{
    private const int Frame = 512;

    /// <summary>Probabilities from a pattern of (seconds, probability) runs, rounded to whole frames.</summary>
    private static float[] Pattern(params (double Seconds, float P)[] runs) =>
        [.. runs.SelectMany(r => Enumerable.Repeat(r.P, (int)Math.Round(r.Seconds * 16000 / Frame)))];

    private static List<SpeechWindow> Run(float[] probabilities, VadOptions? options = null, Action<SpeechWindower, int>? watch = null)
    {
        var w = new SpeechWindower(options ?? new VadOptions(), Frame);
        var result = new List<SpeechWindow>();
        for (int i = 0; i < probabilities.Length; i++)
        {
            result.AddRange(w.Push(probabilities[i]));
            watch?.Invoke(w, i);
        }

        result.AddRange(w.Finish((long)probabilities.Length * Frame));
        return result;
    }

    private static long F(double frames) => (long)(frames * Frame);

    [Fact]
    public void OneUtteranceIsPaddedBy30MillisecondsEachSide()
    {
        var windows = Run(Pattern((1.024, 0f), (2.048, 0.9f), (1.024, 0f)));
        var w = Assert.Single(windows);
        Assert.Equal(F(32) - 480, w.Start);
        Assert.Equal(F(96) + 480, w.End);
    }

    [Fact]
    public void PaddingStopsAtTheStartOfTheMedia()
    {
        var w = Assert.Single(Run(Pattern((1.0, 0.9f), (1.0, 0f))));
        Assert.Equal(0, w.Start);
    }

    [Fact]
    public void ABurstShorterThanTheMinimumSpeechIsDropped()
    {
        // 192 ms of speech (6 frames) is under the 250 ms minimum; 288 ms (9 frames) is over it.
        Assert.Empty(Run(Pattern((1, 0f), (0.192, 0.9f), (1, 0f))));
        Assert.Single(Run(Pattern((1, 0f), (0.288, 0.9f), (1, 0f))));
    }

    [Fact]
    public void ADipShorterThanTheMinimumSilenceDoesNotSplitAndHysteresisHoldsAboveTheOffThreshold()
    {
        var vad = new VadOptions { MergeGap = TimeSpan.Zero };
        // 64 ms below the off threshold (under the 100 ms minimum silence): one region.
        var w = new SpeechWindower(vad, Frame);
        foreach (var p in Pattern((1, 0.9f), (0.064, 0.05f), (1, 0.9f), (1, 0f)))
        {
            w.Push(p);
        }

        w.Finish(F(97));
        Assert.Single(w.Regions);

        // Two seconds at 0.4: under the threshold but over the off threshold (0.35), so still speech.
        var h = new SpeechWindower(vad, Frame);
        foreach (var p in Pattern((1, 0.9f), (2, 0.4f), (1, 0.9f), (1, 0f)))
        {
            h.Push(p);
        }

        h.Finish(F(160));
        Assert.Single(h.Regions);

        // Half a second below it: two regions.
        var s = new SpeechWindower(vad, Frame);
        foreach (var p in Pattern((1, 0.9f), (0.5, 0.05f), (1, 0.9f), (1, 0f)))
        {
            s.Push(p);
        }

        s.Finish(F(109));
        Assert.Equal(2, s.Regions.Count);
    }

    [Fact]
    public void RegionsCloserThanTheMergeGapShareAWindowAndFartherOnesDoNot()
    {
        Assert.Single(Run(Pattern((1, 0f), (1, 0.9f), (0.8, 0f), (1, 0.9f), (1, 0f))));
        var two = Run(Pattern((1, 0f), (1, 0.9f), (1.5, 0f), (1, 0.9f), (1, 0f)));
        Assert.Equal(2, two.Count);
        Assert.True(two[0].End <= two[1].Start);
    }

    [Fact]
    public void PaddingNeverMakesNeighbouringWindowsOverlap()
    {
        // Gaps of 40 ms between regions with merging off: less than two paddings.
        var o = new VadOptions { MergeGap = TimeSpan.Zero, MinSilence = TimeSpan.FromMilliseconds(30) };
        var p = Pattern((1, 0.9f), (0.064, 0f), (1, 0.9f), (0.064, 0f), (1, 0.9f), (1, 0f));
        var windows = Run(p, o);
        Assert.Equal(3, windows.Count);
        for (int i = 1; i < windows.Count; i++)
        {
            Assert.True(windows[i - 1].End <= windows[i].Start, $"{windows[i - 1]} overlaps {windows[i]}");
        }
    }

    [Fact]
    public void LongSpeechIsCutIntoWindowsNoLongerThanTheMaximumAtItsQuietestFrames()
    {
        // A minute of speech whose probability dips (to 0.55, still speech) at 13 s and 29 s: the cuts land there.
        var p = Pattern((0.5, 0f), (60, 0.95f), (1, 0f));
        int dipA = (int)(13.0 * 16000 / Frame), dipB = (int)(29.0 * 16000 / Frame);
        p[dipA] = 0.55f;
        p[dipB] = 0.55f;
        var windows = Run(p);
        Assert.True(windows.Count >= 3, string.Join(", ", windows));
        Assert.All(windows, w => Assert.True(w.Length <= 20 * 16000, $"{w} is longer than 20 s"));
        for (int i = 1; i < windows.Count; i++)
        {
            Assert.True(windows[i - 1].End <= windows[i].Start, $"{windows[i - 1]} overlaps {windows[i]}");
            Assert.True(windows[i].Start - windows[i - 1].End <= 2 * 480, "a cut must not lose speech");
        }

        Assert.Contains(windows, w => Math.Abs(w.End - F(dipA)) <= 480 + Frame);
        Assert.Contains(windows, w => Math.Abs(w.End - F(dipB)) <= 480 + Frame);
        Assert.InRange(windows[0].Start, F(16) - 480, F(16));
        Assert.InRange(windows[^1].End, F(16) + (60 * 16000) - Frame, F(16) + (60 * 16000) + 480 + Frame);
    }

    [Fact]
    public void WhatMustBeKeptStaysWithinAboutOneWindowOverAnHourOfTalk()
    {
        // An hour of 7 s utterances and 0.6 s pauses (merged up to the 20 s limit): the distance from the newest
        // frame back to the earliest sample still needed never passes a window plus its merge gap and padding.
        var rng = new Random(2);
        var runs = new List<(double, float)>();
        for (double t = 0; t < 3600; t += 7.6)
        {
            runs.Add((7, (float)(0.6 + (0.4 * rng.NextDouble()))));
            runs.Add((0.6, 0.02f));
        }

        long worst = 0;
        var windows = Run(Pattern([.. runs]), watch: (w, i) => worst = Math.Max(worst, ((long)(i + 1) * Frame) - w.EarliestNeeded));
        Assert.True(worst <= (20 + 1) * 16000 + Frame * 2, $"kept {worst / 16000.0:F1} s back");
        Assert.InRange(windows.Count, 3600 / 21, 3600 / 7);
        Assert.All(windows, w => Assert.True(w.Length <= 20 * 16000));
    }

    [Fact]
    public void SilenceGivesNothingAndFinishOnSpeechClosesTheWindowAtTheEnd()
    {
        Assert.Empty(Run(Pattern((30, 0.01f))));
        var p = Pattern((1, 0f), (2, 0.9f));
        var w = Assert.Single(Run(p));
        Assert.Equal((long)p.Length * Frame, w.End);
    }

    [Fact]
    public void InvalidOptionsAreRefused()
    {
        Assert.ThrowsAny<ArgumentException>(() => new SpeechWindower(new VadOptions { Threshold = 1.5f }, Frame));
        Assert.ThrowsAny<ArgumentException>(() => new SpeechWindower(new VadOptions { MaxWindow = TimeSpan.FromSeconds(40) }, Frame));
        Assert.ThrowsAny<ArgumentException>(() => new SpeechWindower(new VadOptions { MinSpeech = TimeSpan.FromSeconds(-1) }, Frame));
    }
}
