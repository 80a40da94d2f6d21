using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using KannadaKit.Testing.Net;
using KannadaKit.Testing.News;

namespace KannadaKit.Cli.Tests.Commands;

/// <summary><c>news mail</c> and <c>news serve</c> over the state of a real <c>news run</c> against fixture outlets.</summary>
public sealed partial class NewsDeliveryCommandTests : IAsyncLifetime, IDisposable
{
    private readonly CliRunner _cli = new();

    private string State => _cli.PathOf("news.db");

    public async Task InitializeAsync()
    {
        await using var server = await LocalHttpServer.StartAsync();
        NewsSites.Mount(server, DateTimeOffset.UtcNow);
        string feeds = _cli.Write("feeds.txt", string.Join('\n', NewsSites.FeedPaths.Select(p => server.Url(p).AbsoluteUri)) + "\n");
        var run = _cli.Run("", "news", "run", "--feeds", feeds, "--state", State, "--out", _cli.PathOf("digest"), "--host-interval", "0", "--allow-private");
        Assert.True(run.ExitCode == 0, run.Stderr);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void MailSendsEachRecipientItsNewStoriesOnce()
    {
        using var smtp = LocalSmtpServer.Start();
        string[] args = ["news", "mail", "--state", State, "--smtp", smtp.Endpoint, "--to", "reader@example.org", "--to", "ಓದುಗ <second@example.org>", "--security", "none", "--allow-private"];
        var first = _cli.Run("", args);
        Assert.True(first.ExitCode == 0, first.Stderr);
        var lines = first.Text.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("reader@example.org: sent 4 stories (", lines[0]);
        Assert.StartsWith("second@example.org: sent 4 stories (", lines[1]);
        Assert.Equal(2, smtp.Received.Count);
        Assert.All(smtp.Received, m => Assert.Contains("ಮಂಗಳೂರು: ಭಾರಿ ಮಳೆ, ಶಾಲೆಗಳಿಗೆ ರಜೆ", m.Message.HtmlBody));
        Assert.Equal("kannadakit@localhost", smtp.Received.First().From);

        var again = _cli.Run("", args);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal("reader@example.org: nothing new; nothing sent\nsecond@example.org: nothing new; nothing sent\n", again.Text);
        Assert.Equal(2, smtp.Received.Count);
    }

    [Fact]
    public void MailErrorsAreOneLine()
    {
        using var smtp = LocalSmtpServer.Start(("digest", "s3cret-pass"));
        string[] common = ["news", "mail", "--state", State, "--to", "reader@example.org", "--security", "none"];
        _cli.Run("", [.. common, "--smtp", smtp.Endpoint]).AssertOneLineError($"smtp 127.0.0.1:{smtp.Port}: ", "refused (allow them with --allow-private)");
        _cli.Run("", [.. common, "--smtp", "localhost"]).AssertOneLineError("--smtp: 'localhost'; expected HOST:PORT");
        _cli.Run("", [.. common, "--smtp", smtp.Endpoint, "--to", "not-an-address"]).AssertOneLineError("--to: 'not-an-address' is not an e-mail address");
        _cli.Run("", [.. common, "--smtp", smtp.Endpoint, "--allow-private", "--user", "digest"]).AssertOneLineError("set $KANNADAKIT_SMTP_PASSWORD");
        _cli.Run("", [.. common, "--smtp", smtp.Endpoint, "--allow-private"]).AssertOneLineError("the server requires a login; none was given");
        _cli.Run("", ["news", "mail", "--state", _cli.PathOf("none.db"), "--smtp", smtp.Endpoint, "--to", "a@example.org"]).AssertOneLineError("none.db: no such news state");
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task ServeAnswersWithTheDigestUntilStopped()
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = _cli.Directory };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "kannadakit.dll"), "news", "serve", "--state", State, "--port", "0" })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        try
        {
            var line = await p.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var m = ServingLine().Match(line ?? "");
            Assert.True(m.Success, line);
            using var http = new HttpClient { BaseAddress = new Uri(m.Groups[1].Value), Timeout = TimeSpan.FromSeconds(20) };
            Assert.Contains("ಮಂಗಳೂರು: ಭಾರಿ ಮಳೆ, ಶಾಲೆಗಳಿಗೆ ರಜೆ", await http.GetStringAsync("/"));
            using var json = JsonDocument.Parse(await http.GetByteArrayAsync("/digest.json"));
            Assert.Equal(4, json.RootElement.GetProperty("stories").GetArrayLength());
        }
        finally
        {
            p.Kill();
            p.WaitForExit();
        }

        _cli.Run("", "news", "serve", "--state", _cli.PathOf("none.db"), "--port", "0").AssertOneLineError("none.db: no such news state");
        _cli.Run("", "news", "serve", "--state", State, "--port", "70000").AssertOneLineError("--port: between 0 and 65535");
    }

    [GeneratedRegex(@" at (http://127\.0\.0\.1:\d+/) ")]
    private static partial Regex ServingLine();
}
