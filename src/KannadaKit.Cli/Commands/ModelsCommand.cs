using System.CommandLine;
using System.Globalization;
using KannadaKit.Cli.Terminal;
using KannadaKit.Speech.Models;

namespace KannadaKit.Cli.Commands;

/// <summary><c>kannadakit models list|pull|verify</c>: the models in <c>models/manifest.json</c>, fetched from any HTTP(S) server.</summary>
internal static class ModelsCommand
{
    /// <summary>Where models live: $KANNADAKIT_MODELS, else ./models.</summary>
    public static string DefaultDirectory() =>
        Environment.GetEnvironmentVariable("KANNADAKIT_MODELS") is { Length: > 0 } env ? env : "models";

    public static Command Create(CliContext context)
    {
        var dir = new Option<string?>("--dir") { Description = "Model folder (default: $KANNADAKIT_MODELS, else models)", Recursive = true };
        var manifest = new Option<string?>("--manifest") { Description = "Manifest file (default: DIR/manifest.json, else the one installed with kannadakit)", Recursive = true };
        var command = new Command("models", "List, download and verify the models the apps use (Whisper ggml files, Silero VAD), and how to export the text models") { dir, manifest };

        var list = new Command("list", "List the manifest's models and whether each is installed");
        list.SetAction(parse => context.Run(() =>
        {
            string folder = parse.GetValue(dir) ?? DefaultDirectory();
            var m = Load(parse.GetValue(manifest), folder);
            using var o = context.OpenOutput();
            o.Write($"{"name",-30} {"kind",-8} {"size",10}  {"installed",-9}  licence\n");
            foreach (var e in m.Entries)
            {
                bool present = File.Exists(ModelPuller.Target(e, folder));
                string size = e.Size is { } s ? Megabytes(s) : "?";
                o.Write($"{e.Name,-30} {e.Kind,-8} {size,10}  {(present ? "yes" : "-"),-9}  {e.Licence}\n");
            }

            if (m.Recipes.Count > 0)
            {
                o.Write($"\nexported to ONNX on a machine with Python (not one downloadable file):\n{"name",-30} {"kind",-10} source\n");
                foreach (var r in m.Recipes)
                    o.Write($"{r.Name,-30} {r.Kind,-10} {r.Source} ({r.Licence})\n    {r.Description}\n    export: {string.Join(" && ", r.Export)}\n    then:   {r.Use}\n");
            }

            o.Write($"\nfolder {Path.GetFullPath(folder)}; manifest {m.Path}\n");
            o.Flush();
            return ExitCodes.Success;
        }));

        var name = new Argument<string>("name") { Description = "A model name from 'kannadakit models list'" };
        var from = new Option<string?>("--from") { Description = "A mirror: fetch the file by its name from this http(s) folder instead of the manifest URL" };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow loopback and private addresses (a mirror on this machine or the LAN)" };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for a response or for more data", DefaultValueFactory = _ => 30 };
        var progress = new Option<bool?>("--progress") { Description = "Show (true) or hide (false) the progress line; default: on a terminal" };
        var pull = new Command("pull", "Download a model: resumes a partial download, verifies the checksum, renames into place") { name, from, allowPrivate, timeout, progress };
        pull.SetAction(parse => context.Run(() =>
        {
            string folder = parse.GetValue(dir) ?? DefaultDirectory();
            var entry = Load(parse.GetValue(manifest), folder).Find(parse.GetValue(name)!);
            Uri? mirror = null;
            if (parse.GetValue(from) is { } f && (!Uri.TryCreate(f, UriKind.Absolute, out mirror) || mirror.Scheme is not ("http" or "https")))
            {
                throw new CliException($"--from: '{f}' is not an http or https URL", ExitCodes.Usage);
            }

            double seconds = parse.GetValue(timeout);
            if (seconds is <= 0 or > 3600)
            {
                throw new CliException("--timeout: seconds must be between 0 and 3600", ExitCodes.Usage);
            }

            var options = new ModelPullOptions { Mirror = mirror, AllowPrivate = parse.GetValue(allowPrivate), Timeout = TimeSpan.FromSeconds(seconds) };
            using var status = StatusLine.Create(context.Error, parse.GetValue(progress));
            var report = new Bytes(status, entry.Name);
            using var puller = new ModelPuller(options);
            string path = puller.PullAsync(entry, folder, report).GetAwaiter().GetResult();
            status.Clear();
            context.Error.WriteLine($"{path}: {entry.Name} installed and verified ({entry.Checksum})");
            return ExitCodes.Success;
        }));

        var which = new Argument<string?>("name") { Description = "A model name (default: every installed model)", Arity = ArgumentArity.ZeroOrOne };
        var verify = new Command("verify", "Check installed models' sizes and checksums") { which };
        verify.SetAction(parse => context.Run(() =>
        {
            string folder = parse.GetValue(dir) ?? DefaultDirectory();
            var m = Load(parse.GetValue(manifest), folder);
            var entries = parse.GetValue(which) is { } n ? [m.Find(n)] : m.Entries.Where(e => File.Exists(ModelPuller.Target(e, folder))).ToList();
            if (entries.Count == 0)
            {
                context.Error.WriteLine($"{Path.GetFullPath(folder)}: no models installed (kannadakit models list)");
                return ExitCodes.Success;
            }

            bool ok = true;
            foreach (var e in entries)
            {
                var (good, detail) = ModelPuller.Verify(e, folder);
                ok &= good;
                context.Out.WriteLine($"{(good ? "ok" : "FAILED")}  {e.Name}: {detail}");
            }

            return ok ? ExitCodes.Success : ExitCodes.Failure;
        }));

        command.Subcommands.Add(list);
        command.Subcommands.Add(pull);
        command.Subcommands.Add(verify);
        return command;
    }

    private static ModelManifest Load(string? manifest, string folder)
    {
        string path = manifest ?? new[] { Path.Combine(folder, "manifest.json"), Path.Combine(AppContext.BaseDirectory, "models", "manifest.json") }
            .FirstOrDefault(File.Exists) ?? Path.Combine(folder, "manifest.json");
        return ModelManifest.Load(path);
    }

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString(bytes < 10_000_000 ? "0.0" : "0", CultureInfo.InvariantCulture) + " MB";

    private sealed class Bytes(StatusLine status, string name) : IProgress<(long Done, long? Total)>
    {
        public void Report((long Done, long? Total) p) => status.Draw(() =>
        {
            double rate = p.Done / 1e6 / Math.Max(status.Elapsed.TotalSeconds, 1e-3);
            string bar = p.Total is { } t and > 0 ? $"{StatusLine.Bar((double)p.Done / t)} {Megabytes(p.Done)} / {Megabytes(t)}" : Megabytes(p.Done);
            return string.Create(CultureInfo.InvariantCulture, $"{name} {bar}  {rate:F1} MB/s");
        });
    }
}
