using System.CommandLine;
using System.Globalization;
using KannadaKit.Cli.IO;
using KannadaKit.News.Feeds;
using KannadaKit.News.Json;

namespace KannadaKit.Cli.Commands;

/// <summary><c>kannadakit news</c>: Kannada news feeds, articles, stories and digests.</summary>
internal static class NewsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("news", "Kannada news: parse feeds (RSS 0.9x/1.0/2.0, Atom 0.3/1.0), extract and summarize articles; run, serve and mail a digest of one story per event");
        var feed = new Command("feed", "Feeds: parse one file; the schedules of feeds followed on a cluster");
        feed.Subcommands.Add(Parse(context));
        feed.Subcommands.Add(NewsFeedStatusCommand.Create(context));
        command.Subcommands.Add(feed);
        command.Subcommands.Add(Extract(context));
        command.Subcommands.Add(Summarize(context));
        command.Subcommands.Add(NewsRunCommand.Create(context));
        command.Subcommands.Add(NewsServeCommand.Create(context));
        command.Subcommands.Add(NewsMailCommand.Create(context));
        return command;
    }

    private static Command Extract(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A saved article page (HTML), or - for standard input" };
        var url = new Option<string?>("--url") { Description = "Where the page came from: the base for relative links (default https://localhost/)" };
        var json = new Option<bool>("--json") { Description = "Print {\"title\",\"byline\",\"published\",\"text\",\"lead_image\"}" };
        var command = new Command("extract", "Extract an article's title, byline, date, lead image and text (Kannada news boilerplate removed)") { file, url, json };
        command.SetAction(parse => context.Run(() =>
        {
            Uri location = new("https://localhost/");
            if (parse.GetValue(url) is { } u && (!Uri.TryCreate(u, UriKind.Absolute, out location!) || location.Scheme is not ("http" or "https")))
                throw new CliException($"--url: '{u}' is not an http or https URL", ExitCodes.Usage);
            var input = InputFile.Open(parse.GetValue(file)!);
            byte[] bytes = ReadBounded(input, News.Articles.ArticleExtractor.MaxBytes);
            News.Articles.Article article;
            try
            {
                article = new News.Articles.ArticleExtractor().Extract(bytes, location);
            }
            catch (News.Articles.ArticleException e)
            {
                throw new CliException($"{input.DisplayName}: {e.Message}", e);
            }

            using var o = context.OpenOutput();
            if (parse.GetValue(json))
            {
                WriteJson(o, w => NewsJsonWriter.WriteArticle(w, article));
            }
            else
            {
                o.WriteLine(article.Title);
                if (article.Byline.Length > 0 || article.Published is not null)
                    o.WriteLine(string.Join(" · ", new[] { article.Byline, article.Published is { } d ? NewsJsonWriter.Iso(d) : "" }.Where(x => x.Length > 0)));
                o.WriteLine();
                o.WriteLine(article.Text);
            }

            o.Flush();
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Summarize(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "Article text (UTF-8, paragraphs on lines), or - for standard input" };
        var sentences = new Option<int>("--sentences", "-n") { Description = "Sentences at most", DefaultValueFactory = _ => 3 };
        var budget = new Option<int>("--aksharas") { Description = "Aksharas at most over the summary", DefaultValueFactory = _ => 450 };
        var model = new Option<string?>("--model") { Description = "An ONNX summarization model folder: prints its headline and summary (default: extractive, no model)" };
        var device = new Option<string>("--device") { Description = "Where the model runs: cpu, cuda, or auto", DefaultValueFactory = _ => "cpu" };
        var command = new Command("summarize", "Summarize one article: with no model, TextRank over Kannada sentences, lead-weighted, no repeats, within an akshara budget; with --model, a headline and summary from a local ONNX model")
        {
            file, sentences, budget, model, device,
        };
        command.SetAction(parse => context.Run(() =>
        {
            int n = parse.GetValue(sentences), b = parse.GetValue(budget);
            if (n < 1)
                throw new CliException("--sentences: at least 1", ExitCodes.Usage);
            if (b < 1)
                throw new CliException("--aksharas: at least 1", ExitCodes.Usage);
            var input = InputFile.Open(parse.GetValue(file)!);
            string text = string.Join('\n', TextLines.Read(input));
            if (parse.GetValue(model) is { } folder)
                return SummarizeWithModel(context, input.DisplayName, text, folder, parse.GetValue(device)!);
            var summary = new News.Summaries.ExtractiveSummarizer(new News.Summaries.SummaryOptions { Sentences = n, AksharaBudget = b }).Summarize(text);
            using var o = context.OpenOutput();
            foreach (var sentence in summary.Sentences)
                o.WriteLine(sentence);
            o.Flush();
            if (summary.Sentences.Count == 0)
                context.Error.WriteLine($"{input.DisplayName}: no sentences to summarize");
            return summary.Sentences.Count == 0 ? ExitCodes.Failure : ExitCodes.Success;
        }));
        return command;
    }

    private static int SummarizeWithModel(CliContext context, string name, string text, string folder, string device)
    {
        if (text.Trim().Length == 0)
            throw new CliException($"{name}: no text to summarize");
        using var loader = NewsModelLoader.Load(folder, device)!;
        context.Error.WriteLine($"kannadakit: summary by {loader.Summarizer.Name}: {loader.Description}");
        var article = new News.Stories.StoryArticle(name, "", "", "", text, null);
        var summary = loader.Summarizer.Summarize(new News.Stories.Story(article, [article]));
        using var o = context.OpenOutput();
        o.WriteLine(summary.Headline);
        o.WriteLine();
        o.WriteLine(summary.Text);
        o.Flush();
        if (summary.Method != loader.Summarizer.Name)
            context.Error.WriteLine($"kannadakit: {name}: {summary.Method}");
        return ExitCodes.Success;
    }

    private static Command Parse(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A feed file (RSS or Atom), or - for standard input" };
        var json = new Option<bool>("--json") { Description = "Print the feed as JSON (dates ISO 8601 in UTC)" };
        var baseUrl = new Option<string?>("--url") { Description = "Where the feed came from: the base for relative links when it gives none" };
        var command = new Command("parse", "Parse a feed the way feedparser does: every dialect, date format and entity; HTML sanitized") { file, json, baseUrl };
        command.SetAction(parse => context.Run(() =>
        {
            Uri? location = null;
            if (parse.GetValue(baseUrl) is { } u && (!Uri.TryCreate(u, UriKind.Absolute, out location) || location.Scheme is not ("http" or "https")))
                throw new CliException($"--url: '{u}' is not an http or https URL", ExitCodes.Usage);
            var input = InputFile.Open(parse.GetValue(file)!);
            var options = new FeedParserOptions();
            byte[] bytes = ReadBounded(input, options.MaxBytes);
            Feed result;
            try
            {
                result = new FeedParser(options).Parse(bytes, location);
            }
            catch (FeedParseException e)
            {
                throw new CliException($"{input.DisplayName}: {e.Message}", e);
            }

            using var o = context.OpenOutput();
            if (parse.GetValue(json))
            {
                WriteJson(o, w => NewsJsonWriter.WriteFeed(w, result));
            }
            else
            {
                o.WriteLine($"{result.Title} ({NewsJsonWriter.FormatName(result.Format)}, {result.Entries.Count} entries){(result.Link.Length > 0 ? "  " + result.Link : "")}");
                foreach (var e in result.Entries)
                {
                    string when = (e.Published ?? e.Updated) is { } d ? d.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) : "                 ";
                    o.WriteLine($"{when}  {e.Title}{(e.Link.Length > 0 ? "  " + e.Link : "")}");
                }
            }

            o.Flush();
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void WriteJson(StreamWriter o, Action<System.Text.Json.Utf8JsonWriter> write)
    {
        o.Flush();
        using (var w = new System.Text.Json.Utf8JsonWriter(o.BaseStream, NewsJsonWriter.Options(indented: true)))
            write(w);
        o.BaseStream.WriteByte((byte)'\n');
    }

    // Files are checked by size first; standard input is read to one byte past the limit, so the parser can say no.
    private static byte[] ReadBounded(InputFile input, long max)
    {
        if (input.Length is { } n && n > max)
            throw new CliException($"{input.DisplayName}: {n:N0} bytes; files over {max:N0} bytes are refused");
        using var s = input.OpenRead(out _);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = s.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
                throw new CliException($"{input.DisplayName}: over {max:N0} bytes; files that large are refused");
        }

        return buffer.ToArray();
    }
}
