using System.Text.Json;
using System.Threading.Channels;
using KannadaKit.Cli.IO;
using KannadaKit.Cli.Terminal;
using KannadaKit.Text.Normalization;

namespace KannadaKit.Cli.Normalize;

/// <summary>
/// Streams inputs through the normalizer: one reader cuts line-aligned chunks, the thread pool normalizes them in
/// parallel, and one writer emits them in input order. A bounded queue of pending chunks keeps memory constant.
/// </summary>
internal sealed class NormalizeJob(NormalizeSettings settings, TextWriter stderr, Func<Stream> openStdout)
{
    public int Run()
    {
        if (settings.InPlace)
        {
            // Before any input is opened: opening a named pipe waits for a writer.
            foreach (var path in settings.Inputs)
            {
                AtomicOutput.CheckInPlace(path, path);
            }
        }

        var inputs = (settings.Inputs.Count == 0 ? [InputFile.StdinName] : settings.Inputs).Select(InputFile.Open).ToList();
        CheckOutputIsNotAnInput(inputs);
        var normalizer = IndicNormalizer.Create(settings.Normalizer);
        var totals = new Totals(settings.Normalizer);
        if (settings.InPlace)
        {
            foreach (var input in inputs)
            {
                using var output = AtomicOutput.CreateInPlace(input.FullPath!, input.Name);
                Stream(normalizer, [input], output.Stream, toStdout: false, totals);
                output.Commit();
            }
            totals.Finish(settings, stderr);
        }
        else if (settings.Output is not null)
        {
            using var output = AtomicOutput.Create(settings.Output, settings.Output);
            Stream(normalizer, inputs, output.Stream, toStdout: false, totals);
            // The report is written in full before the output replaces anything: a report that fails (a full disk)
            // leaves the old -o file as it was (regression: it had already been replaced).
            using var report = totals.WriteReport(settings);
            output.Commit();
            report?.Commit();
            totals.Finish(settings, stderr, reportWritten: true);
        }
        else
        {
            using var stdout = openStdout();
            using var buffered = new BufferedStream(stdout, 1 << 16);
            Stream(normalizer, inputs, buffered, toStdout: true, totals);
            totals.Finish(settings, stderr);
        }

        return ExitCodes.Success;
    }

    private void CheckOutputIsNotAnInput(List<InputFile> inputs)
    {
        if (settings.InPlace)
        {
            if (settings.Output is not null)
            {
                throw new CliException("--in-place and -o/--output exclude each other", ExitCodes.Usage);
            }

            if (inputs.Any(i => i.FullPath is null))
            {
                throw new CliException("--in-place needs input files, not standard input", ExitCodes.Usage);
            }

            return;
        }

        if (settings.Output is not null && inputs.FirstOrDefault(i => i.FullPath is not null && InputFile.SamePath(i.FullPath, settings.Output)) is { } clash)
        {
            throw new CliException($"{settings.Output}: is also an input ({clash.Name}); refusing to overwrite it (use --in-place to normalize a file in place)");
        }

        OutputGuard.RefuseInputs("--report", settings.ReportPath, inputs.Where(i => i.FullPath is not null).Select(i => (i.Name, i.FullPath!)));
        if (settings.ReportPath is not null && settings.Output is not null && InputFile.SamePath(settings.ReportPath, settings.Output))
        {
            throw new CliException($"{settings.ReportPath}: --report and -o name the same file; give the report its own file", ExitCodes.Usage);
        }
    }

    private void Stream(IndicNormalizer normalizer, List<InputFile> inputs, Stream output, bool toStdout, Totals totals)
    {
        JsonlField? field = settings.JsonField is null ? null : new JsonlField(settings.JsonField);
        var processor = new ChunkProcessor(normalizer, field, settings.ReplaceInvalid, settings.ReportPath is not null || settings.Summary);
        using var progress = Progress.Create(settings.Progress, toStdout, inputs, stderr);
        int threads = settings.Threads > 0 ? settings.Threads : Environment.ProcessorCount;
        var pending = Channel.CreateBounded<Task<ChunkResult>>(new BoundedChannelOptions(threads * 2) { SingleWriter = true, SingleReader = true });
        using var cancel = new CancellationTokenSource();
        using var gate = new SemaphoreSlim(threads);

        var reader = Task.Run(async () =>
        {
            try
            {
                foreach (var input in inputs)
                {
                    using var stream = input.OpenRead(out var raw);
                    progress.Begin(raw);
                    foreach (var chunk in new LineChunkReader(input, stream).ReadChunks())
                    {
                        cancel.Token.ThrowIfCancellationRequested();
                        await gate.WaitAsync(cancel.Token);
                        var work = Task.Run(() =>
                        {
                            try
                            {
                                return processor.Process(chunk);
                            }
                            finally
                            {
                                gate.Release();
                            }
                        });
                        await pending.Writer.WriteAsync(work, cancel.Token);
                    }
                }

                pending.Writer.Complete();
            }
            catch (Exception e)
            {
                pending.Writer.Complete(e);
            }
        });

        try
        {
            WriteInOrder(pending.Reader, output, totals, progress);
        }
        catch
        {
            cancel.Cancel();
            DrainQuietly(pending.Reader);
            throw;
        }
        finally
        {
            reader.Wait(TimeSpan.FromSeconds(2));
        }
    }

    private static void WriteInOrder(ChannelReader<Task<ChunkResult>> pending, Stream output, Totals totals, Progress progress)
    {
        while (true)
        {
            Task<ChunkResult> next;
            try
            {
                if (!pending.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
                {
                    break;
                }

                if (!pending.TryRead(out next!))
                {
                    continue;
                }
            }
            catch (ChannelClosedException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }

            var result = next.GetAwaiter().GetResult();
            try
            {
                output.Write(result.Bytes, 0, result.Length);
            }
            catch (IOException e)
            {
                throw new CliException($"write failed: {e.Message}", e);
            }

            totals.Add(result);
            result.Return();
            progress.Update();
        }

        output.Flush();
    }

    private static void DrainQuietly(ChannelReader<Task<ChunkResult>> pending)
    {
        while (pending.TryRead(out var t))
        {
            try
            {
                t.GetAwaiter().GetResult().Return();
            }
            catch (Exception)
            {
                // Already failing: later chunks' errors are not the first error.
            }
        }
    }

    /// <summary>Run-wide counters and the merged change report.</summary>
    private sealed class Totals(NormalizerOptions options)
    {
        private readonly ChangeReport _report = new();
        private long _replaced;
        private long _missing;
        private long _firstMissing;

        public void Add(ChunkResult r)
        {
            if (r.Report is not null)
            {
                _report.Merge(r.Report);
            }

            _replaced += r.Replaced;
            if (r.MissingField > 0 && _firstMissing == 0)
            {
                _firstMissing = r.FirstMissingLine;
            }

            _missing += r.MissingField;
        }

        /// <summary>The JSON report written to its temp file (committed by the caller), or null without --report.</summary>
        public AtomicOutput? WriteReport(NormalizeSettings settings)
        {
            if (settings.ReportPath is null)
            {
                return null;
            }
            var output = AtomicOutput.Create(settings.ReportPath, settings.ReportPath);
            try
            {
                using (var json = new Utf8JsonWriter(output.Stream, new JsonWriterOptions
                {
                    Indented = true,
                    Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                }))
                {
                    _report.WriteJson(json, NormalizationRules.NameOf(options.Profile), options.Rules);
                }
                output.Stream.Flush();
                return output;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                output.Dispose();
                throw new CliException($"{settings.ReportPath}: cannot write: {e.Message}", e);
            }
            catch
            {
                output.Dispose();
                throw;
            }
        }

        public void Finish(NormalizeSettings settings, TextWriter stderr, bool reportWritten = false)
        {
            if (_replaced > 0)
            {
                stderr.WriteLine($"kannadakit: replaced {_replaced:N0} invalid UTF-8 sequence(s) with U+FFFD");
            }

            if (_missing > 0)
            {
                stderr.WriteLine($"kannadakit: warning: {_missing:N0} record(s) had no string field '{settings.JsonField}' (first at line {_firstMissing}); copied unchanged");
            }

            if (!reportWritten)
            {
                using var report = WriteReport(settings);
                report?.Commit();
            }

            if (settings.Summary)
            {
                ReportSummary.Write(_report, options, stderr);
            }
        }
    }
}
