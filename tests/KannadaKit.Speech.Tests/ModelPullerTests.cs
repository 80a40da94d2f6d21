using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using KannadaKit.Speech.Models;
using KannadaKit.Testing;
using KannadaKit.Testing.Net;

namespace KannadaKit.Speech.Tests;

/// <summary>Pulls from a server the test starts on 127.0.0.1; address checks use a fake resolver.</summary>
public sealed class ModelPullerTests : IDisposable
{
    private readonly LocalFileServer _server = new();
    private readonly TempDirectory _dir = new();
    private readonly byte[] _model = Payload(300_000, 1);

    private static byte[] Payload(int length, int seed)
    {
        var b = new byte[length];
        new Random(seed).NextBytes(b);
        return b;
    }

    private static string Sha256(byte[] b) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(b));

    private ModelEntry Entry(Uri url, string? checksum = null, string file = "ggml-test.bin") =>
        new("test", file, url.ToString(), checksum ?? Sha256(_model), "MIT", "a test model") { Size = _model.Length };

    private static ModelPullOptions Local => new() { AllowPrivate = true, Timeout = TimeSpan.FromSeconds(10) };

    private string Models => _dir.File("models");

    public void Dispose()
    {
        _server.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task AFullPullWritesTheVerifiedFileAndReportsProgress()
    {
        var entry = Entry(_server.Add("ggml-test.bin", _model));
        var reports = new List<(long Done, long? Total)>();
        using var puller = new ModelPuller(Local);
        string path = await puller.PullAsync(entry, Models, new SyncProgress<(long, long?)>(reports.Add));
        Assert.Equal(Path.Combine(Models, "ggml-test.bin"), path);
        Assert.Equal(_model, File.ReadAllBytes(path));
        Assert.Equal((_model.Length, (long?)_model.Length), reports[^1]);
        Assert.True(reports.Select(r => r.Done).SequenceEqual(reports.Select(r => r.Done).Order()));
        Assert.Equal(["ggml-test.bin"], Directory.GetFiles(Models).Select(Path.GetFileName));
        Assert.True(ModelPuller.Verify(entry, Models).Ok);

        // Present and right: nothing is fetched again.
        await puller.PullAsync(entry, Models);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task AnInterruptedPullResumesWithARangeRequest()
    {
        var entry = Entry(_server.Add("ggml-test.bin", _model));
        using var puller = new ModelPuller(Local);
        _server.CutNextResponseAfter(100_000);
        var e = await Assert.ThrowsAsync<MediaException>(() => puller.PullAsync(entry, Models));
        Assert.Contains("after 100000 bytes (pull again to resume)", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Models, "ggml-test.bin")));
        Assert.Equal(100_000, new FileInfo(Path.Combine(Models, "ggml-test.bin.part")).Length);

        string path = await puller.PullAsync(entry, Models);
        Assert.Equal(_model, File.ReadAllBytes(path));
        Assert.Equal(["GET /ggml-test.bin", "GET /ggml-test.bin bytes=100000-"], _server.Requests);
        Assert.False(File.Exists(path + ".part"));
    }

    [Fact]
    public async Task AServerWithoutRangesSendsItAllAgainAndThePartIsReplaced()
    {
        var entry = Entry(_server.Add("ggml-test.bin", _model));
        _server.SupportsRanges = false;
        using var puller = new ModelPuller(Local);
        _server.CutNextResponseAfter(50_000);
        await Assert.ThrowsAsync<MediaException>(() => puller.PullAsync(entry, Models));
        Assert.Equal(_model, File.ReadAllBytes(await puller.PullAsync(entry, Models)));
    }

    [Fact]
    public async Task AStalledServerIsGivenUpOnAfterTheTimeout()
    {
        var entry = Entry(_server.Add("ggml-test.bin", _model));
        _server.StallNextResponseAfter(1000);
        using var puller = new ModelPuller(Local with { Timeout = TimeSpan.FromSeconds(1) });
        var e = await Assert.ThrowsAsync<MediaException>(() => puller.PullAsync(entry, Models));
        Assert.Contains("stalled for 1 s after 1000 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChecksumMismatchLeavesNoFileBehind()
    {
        var wrong = Sha256(Payload(10, 2));
        var entry = Entry(_server.Add("ggml-test.bin", _model), wrong);
        using var puller = new ModelPuller(Local);
        var e = await Assert.ThrowsAsync<MediaException>(() => puller.PullAsync(entry, Models));
        Assert.Equal($"{entry.Url}: checksum mismatch: expected {wrong}, got {Sha256(_model)} (the partial file was removed; pull again)", e.Message);
        Assert.Empty(Directory.GetFiles(Models));
    }

    [Fact]
    public async Task AWrongFileAlreadyThereIsReplacedOnlyByARightOne()
    {
        var entry = Entry(_server.Add("ggml-test.bin", _model));
        Directory.CreateDirectory(Models);
        File.WriteAllBytes(Path.Combine(Models, "ggml-test.bin"), [1, 2, 3]);
        Assert.Equal((false, $"{Path.Combine(Models, "ggml-test.bin")}: 3 bytes, expected {_model.Length}"), ModelPuller.Verify(entry, Models));
        using var puller = new ModelPuller(Local);
        Assert.Equal(_model, File.ReadAllBytes(await puller.PullAsync(entry, Models)));
    }

    [Fact]
    public async Task LoopbackIsRefusedUnlessAllowed()
    {
        var entry = Entry(_server.Add("ggml-test.bin", _model));
        using var puller = new ModelPuller(new ModelPullOptions { Timeout = TimeSpan.FromSeconds(5) });
        var e = await Assert.ThrowsAsync<MediaException>(() => puller.PullAsync(entry, Models));
        Assert.Contains("127.0.0.1 resolves only to private or loopback addresses (127.0.0.1), refused (allow them with --allow-private)", e.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.0.7")]
    [InlineData("169.254.169.254")]
    [InlineData("::1")]
    [InlineData("fd00::5")]
    public async Task ANameThatResolvesToAPrivateAddressIsRefused(string address)
    {
        var options = new ModelPullOptions { Resolve = (_, _) => Task.FromResult(new[] { IPAddress.Parse(address) }), Timeout = TimeSpan.FromSeconds(5) };
        using var puller = new ModelPuller(options);
        var entry = Entry(new Uri("http://models.example/ggml-test.bin"));
        var e = await Assert.ThrowsAsync<MediaException>(() => puller.PullAsync(entry, Models));
        Assert.Contains($"models.example resolves only to private or loopback addresses ({address}), refused", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheResolverIsWhatConnectsANameToAnAddress()
    {
        // models.example → 127.0.0.1 by the fake resolver, allowed: the request reaches our server with that host.
        _server.Add("ggml-test.bin", _model);
        var options = Local with { Resolve = (_, _) => Task.FromResult(new[] { IPAddress.Loopback }) };
        using var puller = new ModelPuller(options);
        var entry = Entry(new Uri($"http://models.example:{_server.BaseUri.Port}/ggml-test.bin"));
        Assert.Equal(_model, File.ReadAllBytes(await puller.PullAsync(entry, Models)));
    }

    [Fact]
    public async Task AMirrorServesTheFileByItsName()
    {
        _server.Add("mirror/ggml-test.bin", _model);
        var entry = Entry(new Uri("https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-test.bin"));
        using var puller = new ModelPuller(Local with { Mirror = new Uri(_server.BaseUri, "mirror") });
        Assert.Equal(_model, File.ReadAllBytes(await puller.PullAsync(entry, Models)));
        Assert.Equal(["GET /mirror/ggml-test.bin"], _server.Requests);
    }

    [Fact]
    public async Task AMemberIsTakenOutOfATgzAndBothChecksumsHold()
    {
        byte[] member = Payload(20_000, 3);
        byte[] archive = Tgz(("package/README.md", "readme"u8.ToArray()), ("package/dist/silero_vad_v5.onnx", member));
        var url = _server.Add("vad-web-0.0.31.tgz", archive);
        var entry = new ModelEntry("silero-vad", "silero_vad_v5.onnx", url.ToString(), Sha256(member), "MIT", "VAD")
        {
            Member = "package/dist/silero_vad_v5.onnx",
            ArchiveChecksum = Sha256(archive),
            Kind = "vad",
        };
        using var puller = new ModelPuller(Local);
        string path = await puller.PullAsync(entry, Models);
        Assert.Equal(member, File.ReadAllBytes(path));
        Assert.Equal(["silero_vad_v5.onnx"], Directory.GetFiles(Models).Select(Path.GetFileName));

        var missing = entry with { Name = "other", File = "other.onnx", Member = "package/dist/nope.onnx" };
        var e = await Assert.ThrowsAsync<MediaException>(() => puller.PullAsync(missing, Models));
        Assert.EndsWith("has no member package/dist/nope.onnx", e.Message, StringComparison.Ordinal);
        Assert.Equal(["silero_vad_v5.onnx"], Directory.GetFiles(Models).Select(Path.GetFileName));
    }

    [Fact]
    public async Task TheSizeLimitStopsALargerFile()
    {
        var entry = Entry(_server.Add("ggml-test.bin", _model));
        using var puller = new ModelPuller(Local with { MaxBytes = 100_000 });
        var e = await Assert.ThrowsAsync<MediaException>(() => puller.PullAsync(entry, Models));
        Assert.Equal($"{entry.Url}: {_model.Length} bytes is over the 100000-byte limit", e.Message);
        Assert.Empty(Directory.GetFiles(Models));
    }

    [Theory]
    [InlineData("ftp://example.org/ggml-test.bin", "only http and https URLs are fetched")]
    [InlineData("file:///etc/passwd", "only http and https URLs are fetched")]
    public async Task OnlyHttpAndHttpsAreFetched(string url, string expected)
    {
        using var puller = new ModelPuller(Local);
        var e = await Assert.ThrowsAsync<MediaException>(() => puller.PullAsync(Entry(new Uri(url)), Models));
        Assert.EndsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingFileIsAnHttpError()
    {
        using var puller = new ModelPuller(Local);
        var e = await Assert.ThrowsAsync<MediaException>(() => puller.PullAsync(Entry(new Uri(_server.BaseUri, "nope.bin")), Models));
        Assert.Equal($"{_server.BaseUri}nope.bin: HTTP 404 Not Found", e.Message);
    }

    [Fact]
    public void VerifySaysWhatIsWrong()
    {
        var entry = Entry(new Uri("https://example.org/ggml-test.bin"));
        string target = Path.Combine(Models, "ggml-test.bin");
        Assert.Equal((false, $"{target}: not present (kannadakit models pull test)"), ModelPuller.Verify(entry, Models));
        Directory.CreateDirectory(Models);
        var flipped = (byte[])_model.Clone();
        flipped[5] ^= 1;
        File.WriteAllBytes(target, flipped);
        var (ok, detail) = ModelPuller.Verify(entry, Models);
        Assert.False(ok);
        Assert.Equal($"{target}: checksum {Sha256(flipped)}, expected {Sha256(_model)}", detail);
        File.WriteAllBytes(target, _model);
        Assert.Equal((true, $"{target}: ok ({Sha256(_model)})"), ModelPuller.Verify(entry, Models));
    }

    private static byte[] Tgz(params (string Name, byte[] Data)[] members)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gz, TarEntryFormat.Ustar))
        {
            foreach (var (name, data) in members)
            {
                tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
            }
        }

        return buffer.ToArray();
    }
}
