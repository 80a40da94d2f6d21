using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KannadaKit.Lexicon.Import;
using KannadaKit.Lexicon.Store;
using KannadaKit.Testing;
using KannadaKit.Testing.Postgres;

namespace KannadaKit.Web.Tests;

/// <summary>lexicon serve over a PostgreSQL lexicon: the same answers as over the file, and the review queue.</summary>
public sealed class PostgresServerTests
{
    [PostgresFact]
    public async Task ServesThePostgresLexiconAsItServesTheFile()
    {
        using var schema = PostgresServer.NewSchema();
        using var dir = new TempDirectory();
        string file = dir.File("lex.db");
        SampleLexicon.Build(schema.ConnectionString);
        SampleLexicon.Build(file);

        const string Token = "postgres-review-token-0123456789";
        await using var pg = LexiconServer.Create(new LexiconServerOptions { DatabasePath = schema.ConnectionString, Port = 0, ReviewToken = Token });
        await using var sqlite = LexiconServer.Create(new LexiconServerOptions { DatabasePath = file, Port = 0 });
        await pg.StartAsync();
        await sqlite.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        foreach (var path in new[] { "/api/search?q=kannada", "/api/search?q=" + Uri.EscapeDataString("ಮನೆಯಲ್ಲಿ"), "/api/entry/" + Uri.EscapeDataString("ವಿಜ್ಞಾನ") })
            Assert.Equal(await http.GetStringAsync(new Uri(sqlite.Address, path)), await http.GetStringAsync(new Uri(pg.Address, path)));

        using var queued = await http.PostAsync(new Uri(pg.Address, "/api/proposals"),
            new StringContent("{\"headword\":\"ಶಾಲೆ\",\"kind\":\"native_equivalent\",\"text\":\"ಕಲಿಮನೆ\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, queued.StatusCode);
        using var refused = await http.PostAsync(new Uri(pg.Address, "/api/proposals/1/accept"), null);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var accept = new HttpRequestMessage(HttpMethod.Post, new Uri(pg.Address, "/api/proposals/1/accept"));
        accept.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(accept)).StatusCode);
        Assert.Contains("ಕಲಿಮನೆ", await http.GetStringAsync(new Uri(pg.Address, "/api/entry/" + Uri.EscapeDataString("ಶಾಲೆ"))));
    }
}
