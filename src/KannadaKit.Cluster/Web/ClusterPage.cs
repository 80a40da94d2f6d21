using System.Globalization;
using System.Net;
using KannadaKit.Cluster.News;

namespace KannadaKit.Cluster.Web;

/// <summary>
/// The cluster status page: workers, each job with work left as a progress bar (shards, files, in flight, who works
/// on it, reruns after lost workers), the jobs that ended lately (failed ones with their reason), and a desk's feeds with when and by whom each was last fetched, failures and
/// backoff. Self-contained (no scripts, no external resources), refreshed by the browser every few seconds; every
/// string from the cluster is HTML-encoded.
/// </summary>
public static class ClusterPage
{
    private const string Style = """
        :root { color-scheme: light dark; --ink: #1b1b1f; --muted: #5b5b66; --rule: #e3e3e8; --bar: #0b57d0; --trough: #e8ecf4; --bad: #b3261e; --paper: #fdfdfb; }
        @media (prefers-color-scheme: dark) { :root { --ink: #e8e8ec; --muted: #a4a4b0; --rule: #34343c; --bar: #8ab4f8; --trough: #2a2f3a; --bad: #f2b8b5; --paper: #141417; } }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--paper); color: var(--ink); font-family: "Noto Sans Kannada", system-ui, sans-serif; line-height: 1.6; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
        h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; border-bottom: 1px solid var(--rule); }
        .meta, .muted { color: var(--muted); font-size: .9rem; }
        .workers span { display: inline-block; margin: .15rem .5rem .15rem 0; padding: .1rem .55rem; border: 1px solid var(--rule); border-radius: 1rem; font-family: ui-monospace, monospace; font-size: .85rem; }
        .job { margin: .75rem 0 1rem; }
        .job .id { font-family: ui-monospace, monospace; font-size: .85rem; overflow-wrap: anywhere; }
        .bar { height: .9rem; background: var(--trough); border-radius: .45rem; overflow: hidden; margin: .3rem 0; }
        .bar div { height: 100%; background: var(--bar); }
        .bad { color: var(--bad); }
        table { width: 100%; border-collapse: collapse; font-size: .92rem; }
        th, td { text-align: left; padding: .3rem .5rem .3rem 0; border-bottom: 1px solid var(--rule); vertical-align: top; }
        td { overflow-wrap: anywhere; } td.nw { white-space: nowrap; overflow-wrap: normal; }
        .failed .bar div { background: var(--bad); }
        td.url { font-family: ui-monospace, monospace; font-size: .8rem; color: var(--muted); }
        /* On a phone each feed is a block of lines rather than a row of columns. */
        @media (max-width: 40rem) {
          table, tbody, tr, td { display: block; } thead { display: none; }
          tr { border-bottom: 1px solid var(--rule); padding: .4rem 0; } td { border: 0; padding: 0; }
          td:first-child { font-weight: 600; } td.url { display: none; }
        }
        """;

    /// <summary>Writes <paramref name="overview"/> as HTML that refreshes itself every <paramref name="refreshSeconds"/> seconds.</summary>
    public static void Write(TextWriter w, ClusterOverview overview, int refreshSeconds = 3)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(overview);
        string E(string s) => WebUtility.HtmlEncode(s);
        var inv = CultureInfo.InvariantCulture;
        w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Write(string.Create(inv, $"<meta http-equiv=\"refresh\" content=\"{refreshSeconds}\">\n<title>KannadaKit cluster</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n<main>\n"));
        w.Write($"<h1>KannadaKit cluster</h1>\n<p class=\"meta\">{Plural(overview.Workers.Count, "worker")} · {Plural(overview.Jobs.Count, "job")} with work left · {Plural(overview.Feeds.Count, "feed")} on desk {E(overview.Desk)} · <time datetime=\"{overview.Taken.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\">{overview.Taken.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", inv)} UTC</time></p>\n");

        w.Write("<h2>Workers</h2>\n<p class=\"workers\">");
        foreach (var worker in overview.Workers)
            w.Write($"<span>{E(worker)}</span>");
        if (overview.Workers.Count == 0)
            w.Write("<span class=\"bad\">none: start one with kannadakit cluster worker</span>");
        w.Write("</p>\n<h2>Jobs</h2>\n");
        if (overview.Jobs.Count == 0)
            w.Write("<p class=\"muted\">No job has work left.</p>\n");
        foreach (var job in overview.Jobs)
            WriteJob(w, job);
        if (overview.Ended.Count > 0)
        {
            w.Write("<h2>Ended lately</h2>\n");
            foreach (var job in overview.Ended)
                WriteJob(w, job);
        }

        w.Write($"<h2>Feeds on desk {E(overview.Desk)}</h2>\n");
        if (overview.Feeds.Count == 0)
        {
            w.Write("<p class=\"muted\">No feeds followed: news run --cluster follows them.</p>\n");
        }
        else
        {
            w.Write("<table>\n<thead><tr><th>Outlet</th><th>Last fetched</th><th>By</th><th>State</th><th>Waiting</th><th class=\"url\">Feed</th></tr></thead>\n<tbody>\n");
            foreach (var f in overview.Feeds.OrderBy(f => f.Outlet, StringComparer.Ordinal))
            {
                string when = f.LastPolled is { } t ? ClusterText.Ago(overview.Taken - t) + " ago" : "not yet";
                string state = f.Failures > 0
                    ? $"<span class=\"bad\">{Plural(f.Failures, "failure")}: {E(f.LastError)}; next try in {ClusterText.Ago((f.NextAttempt ?? overview.Taken) - overview.Taken)}</span>"
                    : f.NextAttempt is { } n && n > overview.Taken ? $"asked to wait {ClusterText.Ago(n - overview.Taken)}"
                    : f.LastPolled is null ? "" : f.NotModified ? "not modified" : "fetched";
                w.Write(string.Create(inv, $"<tr><td class=\"nw\">{E(f.Outlet.Length > 0 ? f.Outlet : f.Url)}</td><td class=\"nw\">{when}</td><td class=\"nw\">{E(ClusterText.Worker(f.LastWorker))}</td><td>{state}</td><td>{f.Pending:N0}</td><td class=\"url\">{E(f.Url)}</td></tr>\n"));
            }

            w.Write("</tbody>\n</table>\n");
        }

        w.Write("</main>\n</body>\n</html>\n");
    }

    private static void WriteJob(TextWriter w, KannadaKit.Cluster.Grains.JobStatus job)
    {
        string E(string s) => WebUtility.HtmlEncode(s);
        var inv = CultureInfo.InvariantCulture;
        double done = job.Shards == 0 ? 0 : (double)job.ShardsDone / job.Shards;
        w.Write($"<div class=\"job{(job.Error is null ? "" : " failed")}\"><div><strong>{E(job.Command)}</strong> <span class=\"id\">{E(job.Id)}</span></div>\n");
        w.Write(string.Create(inv, $"<div class=\"bar\" role=\"progressbar\" aria-valuemin=\"0\" aria-valuemax=\"{job.Shards}\" aria-valuenow=\"{job.ShardsDone}\"><div style=\"width:{done * 100:0.#}%\"></div></div>\n"));
        w.Write(job.Finished
            ? string.Create(inv, $"<div class=\"muted\">finished: {job.Shards:N0} shards, {job.Files:N0} files written")
            : string.Create(inv, $"<div class=\"muted\">{job.ShardsDone:N0} of {job.Shards:N0} shards · {job.FilesDone:N0} of {job.Files:N0} files written · {job.InFlight:N0} in flight on {Plural(job.Workers.Count, "worker")}"));
        if (job.Reissued > 0)
            w.Write(string.Create(inv, $" · {job.Reissued:N0} run again after a lost worker"));
        w.Write("</div>\n");
        if (job.Error is { } error)
            w.Write($"<div class=\"bad\">failed: {E(error)}</div>\n");
        w.Write("</div>\n");
    }

    private static string Plural(int n, string what) => string.Create(CultureInfo.InvariantCulture, $"{n:N0} {what}{(n == 1 ? "" : "s")}");
}
