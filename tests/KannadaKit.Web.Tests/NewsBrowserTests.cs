using KannadaKit.Testing;
using KannadaKit.Testing.Browser;
using KannadaKit.Testing.News;
using Microsoft.Playwright;

namespace KannadaKit.Web.Tests;

/// <summary>
/// The digest page in a real browser at a phone's width and in dark mode: Kannada in a Kannada font, nothing wider
/// than the screen, every story's sources linked. Writes docs/screenshots/news-digest.png when KANNADAKIT_SCREENSHOTS=1.
/// </summary>
public sealed class NewsBrowserTests
{
    [ChromiumFact]
    public async Task TheDigestReadsOnAPhoneInLightAndDark()
    {
        using var dir = new TempDirectory();
        string statePath = dir.File("news.db");
        await NewsSites.RunOnceAsync(statePath);
        await using var server = NewsServer.Create(new NewsServerOptions { StatePath = statePath, Port = 0 });
        await server.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.Path, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, ColorScheme = ColorScheme.Light });
        await page.GotoAsync(server.Address.ToString());

        Assert.Equal(4, await page.Locator("article").CountAsync());
        Assert.Equal("ಮಂಗಳೂರು: ಭಾರಿ ಮಳೆ, ಶಾಲೆಗಳಿಗೆ ರಜೆ", (await page.Locator("article h2").First.InnerTextAsync()).Trim());
        Assert.Equal(3, await page.Locator("article").First.Locator(".sources a").CountAsync());
        string font = await page.Locator("article h2").First.EvaluateAsync<string>("e => getComputedStyle(e).fontFamily");
        Assert.Contains("Noto Sans Kannada", font);
        // Nothing sticks out sideways at a phone's width (long URLs and Kannada words wrap).
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than the screen");
        string light = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

        string shots = Environment.GetEnvironmentVariable("KANNADAKIT_SCREENSHOTS") == "1" ? Path.Combine(SharedData.RepoRoot, "docs", "screenshots") : dir.Path;
        Directory.CreateDirectory(shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "news-digest.png") });
        Assert.True(new FileInfo(Path.Combine(shots, "news-digest.png")).Length > 10_000);

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        string dark = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.NotEqual(light, dark);
        Assert.Equal("rgb(20, 20, 23)", dark);
    }
}
