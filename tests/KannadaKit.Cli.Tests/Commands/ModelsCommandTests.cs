using System.Security.Cryptography;
using System.Text.Json;
using KannadaKit.Testing;
using KannadaKit.Testing.Net;

namespace KannadaKit.Cli.Tests.Commands;

public sealed class ModelsCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly LocalFileServer _server = new();
    private readonly byte[] _model = Payload();

    public void Dispose()
    {
        _server.Dispose();
        _cli.Dispose();
    }

    private static byte[] Payload()
    {
        var b = new byte[200_000];
        new Random(8).NextBytes(b);
        return b;
    }

    /// <summary>A manifest with one model served by the local server.</summary>
    private string Manifest(string checksum)
    {
        var url = _server.Add("ggml-test.bin", _model);
        var doc = new { models = new[] { new { name = "test", file = "ggml-test.bin", url = url.ToString(), checksum, size = _model.Length, licence = "MIT", description = "a test" } } };
        return _cli.Write("manifest.json", JsonSerializer.Serialize(doc));
    }

    private string Right => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(_model));

    [Fact]
    public void TheBundledManifestListsWhisperAndSileroWithValidEntries()
    {
        var r = _cli.Run("", "models", "list", "--manifest", Path.Combine(SharedData.RepoRoot, "models", "manifest.json"), "--dir", "models");
        Assert.Equal(0, r.ExitCode);
        foreach (var name in new[] { "silero-vad", "silero-vad-v6", "whisper-tiny", "whisper-large-v3", "whisper-large-v3-turbo", "whisper-large-v3-turbo-q5_0" })
        {
            Assert.Contains("\n" + name + " ", r.Text, StringComparison.Ordinal);
        }

        Assert.Contains("1625 MB", r.Text, StringComparison.Ordinal);

        // The text models are listed with the commands that make them, and asking to pull one says how instead.
        Assert.Contains("exported to ONNX on a machine with Python", r.Text, StringComparison.Ordinal);
        foreach (var name in new[] { "indicbart-summary-kn", "indicbart-headline-kn", "gemma-3-4b-it-kn" })
            Assert.Contains("\n" + name + " ", r.Text, StringComparison.Ordinal);
        Assert.Contains("export: pip install", r.Text, StringComparison.Ordinal);
        Assert.Contains("keep_accents=True", r.Text, StringComparison.Ordinal);
        _cli.Run("", "models", "pull", "indicbart-summary-kn", "--manifest", Path.Combine(SharedData.RepoRoot, "models", "manifest.json"), "--dir", "models")
            .AssertOneLineError("'indicbart-summary-kn' is exported, not downloaded: pip install", "then kannadakit news run --model models/indicbart-summary-kn");

        // The copy installed beside the binary is the one found from any folder.
        var anywhere = _cli.Run("", "models", "list");
        Assert.Equal(0, anywhere.ExitCode);
        Assert.Contains(Path.Combine(AppContext.BaseDirectory, "models", "manifest.json"), anywhere.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void PullFromALocalServerThenVerify()
    {
        string manifest = Manifest(Right);
        var refused = _cli.Run("", "models", "pull", "test", "--manifest", manifest, "--dir", "m");
        refused.AssertOneLineError("refused (allow them with --allow-private)");
        Assert.False(File.Exists(_cli.PathOf("m/ggml-test.bin")));

        var r = _cli.Run("", "models", "pull", "test", "--manifest", manifest, "--dir", "m", "--allow-private");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(_model, File.ReadAllBytes(_cli.PathOf("m/ggml-test.bin")));
        Assert.Contains($"test installed and verified ({Right})", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(["ggml-test.bin"], Directory.GetFiles(_cli.PathOf("m")).Select(Path.GetFileName));

        var ok = _cli.Run("", "models", "verify", "--manifest", manifest, "--dir", "m");
        Assert.Equal(0, ok.ExitCode);
        Assert.StartsWith("ok  test: ", ok.Text, StringComparison.Ordinal);

        var damaged = (byte[])_model.Clone();
        damaged[100] ^= 0xFF;
        File.WriteAllBytes(_cli.PathOf("m/ggml-test.bin"), damaged);
        var bad = _cli.Run("", "models", "verify", "test", "--manifest", manifest, "--dir", "m");
        Assert.Equal(1, bad.ExitCode);
        Assert.StartsWith("FAILED  test: ", bad.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongChecksumLeavesNothingAndAnUnknownNameListsTheKnownOnes()
    {
        string manifest = Manifest("sha256:" + new string('0', 64));
        _cli.Run("", "models", "pull", "test", "--manifest", manifest, "--dir", "m", "--allow-private").AssertOneLineError("checksum mismatch");
        Assert.Empty(Directory.GetFiles(_cli.PathOf("m")));
        _cli.Run("", "models", "pull", "large", "--manifest", manifest, "--dir", "m").AssertOneLineError("no model 'large' (known: test)");
        _cli.Run("", "models", "pull", "test", "--manifest", manifest, "--from", "ftp://mirror/", "--allow-private").AssertOneLineError("--from: 'ftp://mirror/' is not an http or https URL");
        _cli.Write("broken.json", "{ \"models\": [ { \"name\": \"x\" } ] }");
        _cli.Run("", "models", "list", "--manifest", "broken.json").AssertOneLineError("broken.json: models[0]: missing \"file\"");
    }

    [Fact]
    public void AMirrorIsUsedInsteadOfTheManifestUrl()
    {
        _server.Add("mirror/ggml-test.bin", _model);
        var doc = new { models = new[] { new { name = "test", file = "ggml-test.bin", url = "https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-test.bin", checksum = Right, licence = "MIT" } } };
        string manifest = _cli.Write("manifest.json", JsonSerializer.Serialize(doc));
        var r = _cli.Run("", "models", "pull", "test", "--manifest", manifest, "--dir", "m", "--from", new Uri(_server.BaseUri, "mirror/").ToString(), "--allow-private");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(["GET /mirror/ggml-test.bin"], _server.Requests);
    }
}
