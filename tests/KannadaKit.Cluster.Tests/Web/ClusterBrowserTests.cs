using KannadaKit.Cluster.Web;
using KannadaKit.Testing;
using KannadaKit.Testing.Browser;
using Microsoft.Playwright;

namespace KannadaKit.Cluster.Tests.Web;

/// <summary>
/// The cluster status page in a real browser: each job's bar as wide as its share of shards done, the page no wider
/// than a phone, Kannada outlet names in a Kannada font. Writes docs/screenshots/cluster-status.png when
/// KANNADAKIT_SCREENSHOTS=1.
/// </summary>
public sealed class ClusterBrowserTests
{
    [ChromiumFact]
    public async Task BarsShowProgressAndThePageFitsAPhone()
    {
        using var dir = new TempDirectory();
        await using var server = ClusterServer.Create(new ClusterServerOptions { Overview = _ => Task.FromResult(SampleCluster.Overview()), Port = 0, RefreshSeconds = 600 });
        await server.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.Path, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1024, Height = 720 }, ColorScheme = ColorScheme.Light });
        await page.GotoAsync(server.Address.ToString());

        double trough = await page.Locator(".bar").First.EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        double filled = await page.Locator(".bar div").First.EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        Assert.InRange(filled / trough, 0.59, 0.61); // 724 of 1,206
        Assert.Equal(3, await page.Locator("tbody tr").CountAsync());
        string font = await page.Locator("tbody td").First.EvaluateAsync<string>("e => getComputedStyle(e).fontFamily");
        Assert.Contains("Noto Sans Kannada", font);

        string shots = Environment.GetEnvironmentVariable("KANNADAKIT_SCREENSHOTS") == "1" ? Path.Combine(SharedData.RepoRoot, "docs", "screenshots") : dir.Path;
        Directory.CreateDirectory(shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "cluster-status.png"), FullPage = true });
        Assert.True(new FileInfo(Path.Combine(shots, "cluster-status.png")).Length > 10_000);

        await page.SetViewportSizeAsync(390, 844);
        string wide = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "wider than a phone: " + wide);
    }
}
