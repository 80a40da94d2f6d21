using KannadaKit.Cluster.Web;
using System.Net;
using System.Text.Json;
using KannadaKit.Cluster.Jobs;

namespace KannadaKit.Cluster.Tests.Web;

/// <summary><c>cluster serve</c>: the page and JSON of a cluster in mid-work; 503 with the reason when it does not answer.</summary>
public sealed class ClusterServerTests : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task ThePageShowsWorkersJobsAndFeedsAndRefreshesItself()
    {
        await using var server = ClusterServer.Create(new ClusterServerOptions { Overview = _ => Task.FromResult(SampleCluster.Overview()), Port = 0 });
        await server.StartAsync();
        var r = await _http.GetAsync(server.Address);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("no-store", r.Headers.CacheControl?.ToString());
        string html = await r.Content.ReadAsStringAsync();
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"3\">", html, StringComparison.Ordinal);
        Assert.Contains("3 workers · 1 job with work left · 3 feeds on desk default", html, StringComparison.Ordinal);
        Assert.Contains("aria-valuemax=\"1206\" aria-valuenow=\"724\"><div style=\"width:60%\">", html, StringComparison.Ordinal);
        Assert.Contains("724 of 1,206 shards · 7 of 12 files written · 6 in flight on 3 workers · 4 run again after a lost worker", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Ended lately</h2>", html, StringComparison.Ordinal);
        Assert.Contains("failed: /data/in/part-07.txt: line 88 is not UTF-8", html, StringComparison.Ordinal);
        Assert.Contains("finished: 96 shards, 12 files written", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"nw\">ಪ್ರಜಾವಾರ್ತೆ</td><td class=\"nw\">12 s ago</td><td class=\"nw\">10.0.0.6:11111</td><td>fetched</td><td>3</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"nw\">ಕರಾವಳಿ ವಾರ್ತೆ</td><td class=\"nw\">4 min ago</td><td class=\"nw\">10.0.0.5:11111</td><td>not modified</td>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"job failed\"><div><strong>tokenize</strong>", html, StringComparison.Ordinal);
        Assert.Contains("2 failures: https://suddi.example/feed.xml: HTTP 503 Service Unavailable; next try in 9 min", html, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(await _http.GetStringAsync(new Uri(server.Address, "/status.json")));
        Assert.Equal(3, json.RootElement.GetProperty("workers").GetArrayLength());
        Assert.Equal(724, json.RootElement.GetProperty("jobs")[0].GetProperty("shardsDone").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("feeds")[2].GetProperty("failures").GetInt32());
    }

    [Fact]
    public async Task StringsFromTheClusterAreEncoded()
    {
        var o = SampleCluster.Overview();
        o = o with { Feeds = [o.Feeds[0] with { Outlet = "<script>alert(1)</script>" }] };
        await using var server = ClusterServer.Create(new ClusterServerOptions { Overview = _ => Task.FromResult(o), Port = 0 });
        await server.StartAsync();
        string html = await _http.GetStringAsync(server.Address);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClusterThatDoesNotAnswerIs503WithTheReason()
    {
        await using var server = ClusterServer.Create(new ClusterServerOptions
        {
            Overview = _ => throw new ClusterJobException("the cluster has not answered for 10 s (no gateway)"),
            Port = 0,
        });
        await server.StartAsync();
        var r = await _http.GetAsync(server.Address);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode);
        Assert.Equal("the cluster does not answer: the cluster has not answered for 10 s (no gateway)\n", await r.Content.ReadAsStringAsync());
    }
}
