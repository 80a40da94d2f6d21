namespace KannadaKit.Speech.Vad;

/// <summary>
/// Streams frame probabilities into speech regions (Silero's hysteresis: on at the threshold, off after the minimum
/// silence below the off threshold, short bursts dropped) and regions into recognition windows: padded, merged across
/// short gaps, never longer than <see cref="VadOptions.MaxWindow"/> (long speech is cut at its quietest frame).
/// Windows come out in order as soon as no later speech can join them, so memory is bounded by one window.
/// </summary>
public sealed class SpeechWindower
{
    private readonly VadOptions _o;
    private readonly int _frame;
    private readonly long _minSpeech, _minSilence, _pad, _maxWindow, _mergeGap;
    private readonly List<float> _probs = [];   // probabilities of frames from _probsStart on
    private long _probsStart;
    private long _position;                      // samples seen
    private bool _triggered;
    private long _speechStart, _tentativeEnd = -1;
    private (long Start, long End)? _pending;    // unpadded speech of the window being gathered
    private long _lastEmittedEnd;
    private readonly List<(long Start, long End)> _regions = [];

    /// <summary>Creates a windower for frames of <paramref name="frameSamples"/> samples.</summary>
    public SpeechWindower(VadOptions options, int frameSamples)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _o = options;
        _frame = frameSamples;
        _minSpeech = Samples(options.MinSpeech);
        _minSilence = Samples(options.MinSilence);
        _pad = Samples(options.Padding);
        _maxWindow = Samples(options.MaxWindow);
        _mergeGap = Samples(options.MergeGap);
    }

    /// <summary>Speech regions found so far (unpadded), for reports.</summary>
    public IReadOnlyList<(long Start, long End)> Regions => _regions;

    /// <summary>The earliest sample a window not yet returned can start at: audio before it may be forgotten.</summary>
    public long EarliestNeeded => Math.Max(0, Math.Min(_pending?.Start ?? long.MaxValue, _triggered ? _speechStart : _position) - _pad);

    /// <summary>Adds the next frame's probability; returns the windows this completes.</summary>
    public IReadOnlyList<SpeechWindow> Push(float probability)
    {
        var done = new List<SpeechWindow>();
        long s = _position;
        _position += _frame;
        _probs.Add(probability);
        if (probability >= _o.Threshold && _tentativeEnd >= 0)
        {
            _tentativeEnd = -1;
        }

        if (probability >= _o.Threshold && !_triggered)
        {
            _triggered = true;
            _speechStart = s;
        }
        else if (_triggered && probability < _o.Off)
        {
            if (_tentativeEnd < 0)
            {
                _tentativeEnd = s;
            }

            if (_position - _tentativeEnd >= _minSilence)
            {
                EndRegion(_tentativeEnd, done);
            }
        }

        if (_triggered && _position - _speechStart >= _maxWindow)
        {
            // Continuous speech (or music) longer than a window: cut at the quietest frame of its second half.
            long cut = QuietestFrame(_speechStart + (_maxWindow / 2), _speechStart + _maxWindow - _pad);
            AddRegion(_speechStart, cut, done);
            _speechStart = cut;
        }

        if (_pending is { } p && (_triggered ? _speechStart : _position) - p.End > _mergeGap)
        {
            Emit(done, _triggered ? _speechStart : _position);
        }
        else if (_pending is { } q && _triggered && _tentativeEnd < 0
            && Math.Min(_position, _speechStart + (_maxWindow / 2) - _frame) - q.Start + (2 * _pad) > _maxWindow)
        {
            // The speech going on now will end too late to join the pending window (its end is at least the smaller
            // of now and its earliest possible cut): emit the window now rather than hold its audio.
            Emit(done, _speechStart);
        }

        Trim();
        return done;
    }

    /// <summary>Ends the stream of <paramref name="totalSamples"/> samples; returns the last windows.</summary>
    public IReadOnlyList<SpeechWindow> Finish(long totalSamples)
    {
        var done = new List<SpeechWindow>();
        if (_triggered)
        {
            EndRegion(_tentativeEnd >= 0 ? _tentativeEnd : Math.Min(_position, totalSamples), done);
        }

        if (_pending is not null)
        {
            Emit(done, totalSamples);
        }

        return done;
    }

    private void EndRegion(long end, List<SpeechWindow> done)
    {
        _triggered = false;
        _tentativeEnd = -1;
        if (end - _speechStart >= _minSpeech)
        {
            AddRegion(_speechStart, end, done);
        }
    }

    private void AddRegion(long start, long end, List<SpeechWindow> done)
    {
        _regions.Add((start, end));
        if (_pending is { } p)
        {
            if (start - p.End <= _mergeGap && end - p.Start + (2 * _pad) <= _maxWindow)
            {
                _pending = (p.Start, end);
                return;
            }

            Emit(done, start);
        }

        _pending = (start, end);
    }

    /// <summary>Pads the pending window without crossing the previous window or the next speech, and returns it.</summary>
    private void Emit(List<SpeechWindow> done, long nextSpeech)
    {
        var (start, end) = _pending!.Value;
        _pending = null;
        long before = Math.Max(start - _lastEmittedEnd, 0);
        long after = Math.Max(nextSpeech - end, 0);
        long padStart = Math.Max(start - Math.Min(_pad, before / 2 + (before % 2)), _lastEmittedEnd);
        long padEnd = end + Math.Min(_pad, after / 2);
        padStart = Math.Max(padStart, 0);
        done.Add(new SpeechWindow(padStart, padEnd));
        _lastEmittedEnd = padEnd;
    }

    private long QuietestFrame(long from, long to)
    {
        long best = to;
        float min = float.MaxValue;
        for (long s = from - (from % _frame); s < to; s += _frame)
        {
            int i = (int)((s - _probsStart) / _frame);
            if (i >= 0 && i < _probs.Count && _probs[i] < min)
            {
                min = _probs[i];
                best = s;
            }
        }

        return best;
    }

    private void Trim()
    {
        long keepFrom = EarliestNeeded - (EarliestNeeded % _frame);
        int drop = (int)Math.Min(_probs.Count, Math.Max(0, (keepFrom - _probsStart) / _frame));
        if (drop > 256)
        {
            _probs.RemoveRange(0, drop);
            _probsStart += (long)drop * _frame;
        }
    }

    private static long Samples(TimeSpan t) => (long)Math.Round(t.TotalSeconds * Audio.AudioSource.SampleRate);
}
