using KannadaKit.Lexicon.Import;
using KannadaKit.Lexicon.Store;
using KannadaKit.Testing;
using KannadaKit.Testing.Browser;
using Microsoft.Playwright;

namespace KannadaKit.Web.Tests;

/// <summary>
/// The search page in a real browser: Microsoft.Playwright driving Debian's chromium (tools/test.sh installs it as
/// root). Writes the screenshot to docs/screenshots/ when KANNADAKIT_SCREENSHOTS=1, to a temp folder otherwise.
/// </summary>
public sealed class BrowserTests
{
    [ChromiumFact]
    public async Task TypeLatinPickKannadaFromTheSuggestionsAndOpenTheEntry()
    {
        using var dir = new TempDirectory();
        string db = SampleLexicon.Build(dir.File("lex.db"), (SampleLexicon.NewsCorpus, ImportFormat.Corpus));

        await using var server = LexiconServer.Create(new LexiconServerOptions { DatabasePath = db, Port = 0 });
        await server.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.Path, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 1400 } });
        await page.GotoAsync(server.Address.ToString());
        await page.Locator("#q").PressSequentiallyAsync("kannada", new() { Delay = 30 });
        var pick = page.GetByRole(AriaRole.Option, new() { Name = "ಕನ್ನಡ", Exact = true });
        await pick.WaitForAsync(new() { Timeout = 10_000 });
        await pick.ClickAsync();
        await page.WaitForURLAsync("**/entry/**", new() { Timeout = 10_000 });
        Assert.Equal("ಕನ್ನಡ", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("kannaḍa", await page.Locator(".pron").InnerTextAsync());
        Assert.True(await page.GetByText("Sources and licences").IsVisibleAsync());
        // Kannada must render in a Kannada font, not as boxes: the heading's computed font names Noto.
        string font = await page.Locator("h1").EvaluateAsync<string>("e => getComputedStyle(e).fontFamily");
        Assert.Contains("Noto", font);

        string shots = Environment.GetEnvironmentVariable("KANNADAKIT_SCREENSHOTS") == "1"
            ? Path.Combine(SharedData.RepoRoot, "docs", "screenshots")
            : dir.Path;
        Directory.CreateDirectory(shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "lexicon-entry.png"), FullPage = true });
        Assert.True(new FileInfo(Path.Combine(shots, "lexicon-entry.png")).Length > 10_000);

        // And the entry page of a word with an inflection table and suggestions.
        await page.GotoAsync(new Uri(server.Address, "/entry/" + Uri.EscapeDataString("ಭಾಷಾಶಾಸ್ತ್ರ")).ToString());
        Assert.True(await page.GetByText("ನುಡಿಯರಿಮೆ").First.IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "lexicon-suggestions.png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task ProposeOnTheEntryPageThenReviewWithTheToken()
    {
        using var dir = new TempDirectory();
        string db = SampleLexicon.Build(dir.File("lex.db"));

        const string Token = "browser-review-token-0123456789";
        await using var server = LexiconServer.Create(new LexiconServerOptions { DatabasePath = db, Port = 0, ReviewToken = Token });
        await server.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.Path, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 1000 } });

        // A reader proposes a native word and a gloss holding markup.
        await page.GotoAsync(new Uri(server.Address, "/entry/" + Uri.EscapeDataString("ಶಾಲೆ")).ToString());
        await page.Locator("#kind").SelectOptionAsync("native_equivalent");
        await page.Locator("#text").FillAsync("ಕಲಿಮನೆ");
        await page.Locator("#note").FillAsync("ಕಲಿ + ಮನೆ, like ಓದುಮನೆ");
        await page.Locator("#contributor").FillAsync("ರಮೇಶ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send for review" }).ClickAsync();
        await page.GetByText("awaiting review").WaitForAsync(new() { Timeout = 10_000 });
        await page.Locator("#kind").SelectOptionAsync("gloss");
        await page.Locator("#text").FillAsync("<img src=x onerror=\"document.title='owned'\">");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send for review" }).ClickAsync();
        await page.GetByText("Queued as #2").WaitForAsync(new() { Timeout = 10_000 });

        // The reviewer: a wrong token lists nothing; the right one lists both, markup as text.
        await page.GotoAsync(new Uri(server.Address, "/review").ToString());
        await page.Locator("#token").FillAsync("not-the-token-at-all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Load pending" }).ClickAsync();
        await page.GetByText("wrong review token").WaitForAsync(new() { Timeout = 10_000 });
        Assert.Equal(0, await page.Locator("#queue tbody tr").CountAsync());
        await page.Locator("#token").FillAsync(Token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Load pending" }).ClickAsync();
        await page.GetByText("2 pending").WaitForAsync(new() { Timeout = 10_000 });
        Assert.Equal(0, await page.Locator("#queue img").CountAsync());
        Assert.Contains("<img src=x", await page.Locator("#queue tbody tr").Nth(1).InnerTextAsync());
        Assert.NotEqual("owned", await page.TitleAsync());

        string shots = Environment.GetEnvironmentVariable("KANNADAKIT_SCREENSHOTS") == "1"
            ? Path.Combine(SharedData.RepoRoot, "docs", "screenshots")
            : dir.Path;
        Directory.CreateDirectory(shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "lexicon-review.png"), FullPage = true });

        await page.Locator("#queue tbody tr").First.Locator("button[data-verdict=accept]").ClickAsync();
        await page.GetByText("#1 accepted").WaitForAsync(new() { Timeout = 10_000 });
        await page.Locator("#queue tbody tr").First.Locator("button[data-verdict=reject]").ClickAsync();
        await page.GetByText("#2 rejected").WaitForAsync(new() { Timeout = 10_000 });

        await page.GotoAsync(new Uri(server.Address, "/entry/" + Uri.EscapeDataString("ಶಾಲೆ")).ToString());
        Assert.True(await page.Locator("a", new() { HasText = "ಕಲಿಮನೆ" }).First.IsVisibleAsync());
        Assert.True(await page.GetByText("review — CC0-1.0").IsVisibleAsync());
        Assert.Equal(0, await page.GetByText("onerror").CountAsync());
    }
}
