using System.CommandLine;
using System.Globalization;
using KannadaKit.Cluster;
using KannadaKit.Cluster.News;
using Microsoft.Extensions.DependencyInjection;

namespace KannadaKit.Cli.Commands;

/// <summary><c>kannadakit news feed status --cluster</c>: each followed feed's schedule as the cluster keeps it.</summary>
internal static class NewsFeedStatusCommand
{
    public static Command Create(CliContext context)
    {
        var cluster = new Option<string>("--cluster") { Description = "The cluster news run --cluster follows the feeds on", Required = true };
        var desk = new Option<string>("--desk") { Description = "The digest's name on the cluster (news run --desk)", DefaultValueFactory = _ => "default" };
        var command = new Command("status", "The feeds followed on a cluster: last fetched when and by which worker, failures and backoff, items waiting for the next news run") { cluster, desk };
        command.SetAction(parse => context.Run(() =>
        {
            string name = NewsClusterFeeds.Desk(parse.GetValue(desk));
            using var host = ClusterCommand.Client(ClusterCommand.Connection(parse.GetValue(cluster)!));
            var statuses = ClusterCommand.Calls(() => host.Services.GetRequiredService<IClusterClient>().GetGrain<INewsDeskGrain>(name).Statuses());
            using var o = context.OpenOutput();
            var now = DateTimeOffset.UtcNow;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{statuses.Count} feeds followed; {NewsClusterFeeds.Workers(statuses)}"));
            foreach (var s in statuses.OrderBy(s => s.Outlet, StringComparer.Ordinal))
            {
                string when = s.LastPolled is { } t ? $"fetched {ClusterText.Ago(now - t)} ago by {ClusterText.Worker(s.LastWorker)}" : "not fetched yet";
                string state = s.Failures > 0 ? $"; {s.Failures} failure{(s.Failures == 1 ? "" : "s")} ({s.LastError}), next try in {ClusterText.Ago(s.NextAttempt!.Value - now)}"
                    : s.NextAttempt is { } n && n > now ? $"; the server asked to wait, next try in {ClusterText.Ago(n - now)}"
                    : s.NotModified ? "; not modified" : "";
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(s.Outlet.Length > 0 ? s.Outlet : s.Url)}: {when}{state}; {s.Pending} new item{(s.Pending == 1 ? "" : "s")} waiting  {s.Url}"));
            }

            o.Flush();
            return ExitCodes.Success;
        }));
        return command;
    }
}
