using System.CommandLine;
using System.Globalization;
using KannadaKit.Cli.Cluster;
using KannadaKit.Cli.Terminal;
using KannadaKit.Cluster;
using KannadaKit.Cluster.Grains;
using KannadaKit.Cluster.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KannadaKit.Cli.Commands;

/// <summary><c>kannadakit cluster worker|run|status</c>: corpus jobs on an Orleans cluster.</summary>
internal static class ClusterCommand
{
    /// <summary>The commands a worker runs.</summary>
    internal static IReadOnlyList<IShardProcessor> Processors() => [new NormalizeShardProcessor(), new SegmentShardProcessor(), new TokenizeShardProcessor()];

    public static Command Create(CliContext context)
    {
        var command = new Command("cluster", "Run corpus jobs on several workers (Orleans): shards re-run elsewhere when a worker is lost, outputs identical to one machine's");
        command.Subcommands.Add(Worker(context));
        command.Subcommands.Add(Run(context));
        command.Subcommands.Add(Status(context));
        command.Subcommands.Add(Init(context));
        command.Subcommands.Add(Serve(context));
        return command;
    }

    private static Option<string> ClusterOption() => new("--cluster")
    {
        Description = "localhost[:SILO-PORT[:GATEWAY-PORT]] (one machine; the first worker's ports, default 11111 and 30000) or a PostgreSQL connection string",
        Required = true,
    };

    private static Command Worker(CliContext context)
    {
        var cluster = ClusterOption();
        var port = new Option<int?>("--port") { Description = "This worker's silo port (default: the cluster's first, 11111)" };
        var gateway = new Option<int?>("--gateway-port") { Description = "This worker's gateway port for clients (default: the cluster's first, 30000)" };
        var slots = new Option<int>("--slots") { Description = "Shards this worker runs at once", DefaultValueFactory = _ => Environment.ProcessorCount };
        var advertise = new Option<string?>("--advertise") { Description = "The address other workers and clients reach this one at (PostgreSQL mode; default: this machine's address towards the database)" };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Let this worker's feed grains fetch feeds on loopback and private addresses (a local server)" };
        var kubernetes = new Option<bool>("--kubernetes") { Description = "Run as a Kubernetes pod (PostgreSQL mode): advertise POD_IP, and declare deleted pods' workers dead at once" };
        var command = new Command("worker", "Start a worker: joins the cluster, takes shards of running jobs and polls followed feeds until stopped (Ctrl-C or SIGTERM leave cleanly)")
        {
            cluster, port, gateway, slots, advertise, allowPrivate, kubernetes,
        };
        command.SetAction(parse => context.Run(() =>
        {
            bool inPod = parse.GetValue(kubernetes);
            if (inPod && parse.GetValue(cluster)!.StartsWith("localhost", StringComparison.Ordinal))
                throw new CliException("--kubernetes: workers in pods share PostgreSQL membership; give --cluster a PostgreSQL connection string", ExitCodes.Usage);
            System.Net.IPAddress? address = inPod ? Guard(ClusterHostingExtensions.PodAddress) : null;
            var connection = Connection(parse.GetValue(cluster)!);
            int siloPort = parse.GetValue(port) ?? connection.PrimaryPort, gatewayPort = parse.GetValue(gateway) ?? connection.GatewayPort;
            if (siloPort is < 1 or > 65535 || gatewayPort is < 1 or > 65535)
                throw new CliException("--port and --gateway-port: between 1 and 65535", ExitCodes.Usage);
            int n = parse.GetValue(slots);
            if (n is < 1 or > 256)
                throw new CliException("--slots: between 1 and 256", ExitCodes.Usage);
            // Orleans binds with address reuse, so a second worker on the same ports would start and split the
            // cluster instead of failing: check that the ports are free first.
            foreach (int p in new[] { siloPort, gatewayPort })
            {
                if (!PortIsFree(p))
                    throw new CliException($"port {p} is in use (another worker on this machine?); give this one --port and --gateway-port of its own", ExitCodes.Usage);
            }

            if (parse.GetValue(advertise) is { } a && !System.Net.IPAddress.TryParse(a, out address))
                throw new CliException($"--advertise '{a}': expected an IP address", ExitCodes.Usage);
            address ??= Guard(connection.AdvertisedAddress);
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            if (context.Verbose)
            {
                builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information);
            }
            else
            {
                // Standard error, where the worker's own lines go; one line per event.
                builder.Logging.AddConsole(o => (o.FormatterName, o.LogToStandardErrorThreshold) = (WorkerLogFormatter.Name, LogLevel.Trace))
                    .AddConsoleFormatter<WorkerLogFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>()
                    .SetMinimumLevel(LogLevel.Warning);
                builder.Logging.AddFilter("Orleans", LogLevel.Error);
            }

            builder.UseOrleans(silo => Guard(() => (inPod ? silo.UseKannadaKitKubernetes() : silo).UseKannadaKitCluster(connection, siloPort, gatewayPort, address).AddKannadaKitWorker(Processors(), new CorpusJobOptions { Slots = n }, new KannadaKit.News.Fetching.FetchOptions { AllowPrivate = parse.GetValue(allowPrivate) })));
            using var host = builder.Build();
            try
            {
                host.Start();
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or OrleansException)
            {
                throw new CliException($"worker on port {siloPort}/{gatewayPort}: {e.Message.Split('\n')[0]}", e);
            }

            context.Error.WriteLine($"kannadakit: worker on {address}:{siloPort} (gateway {gatewayPort}) joined the cluster; Ctrl-C leaves it");
            host.WaitForShutdown();
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Run(CliContext context)
    {
        var run = new Command("run", "Run a corpus job on the cluster and follow it; Ctrl-C stops following, not the job (the same command again reattaches)");
        run.Subcommands.Add(JobCommand(context, "normalize", "kannadakit normalize, sharded: same options, byte-identical output",
            [("--profile", "-p", true), ("--rules", "-r", true), ("--jsonl", null, false), ("--field", null, true), ("--on-invalid", null, true)]));
        run.Subcommands.Add(JobCommand(context, "segment", "kannadakit segment, sharded: same options, byte-identical output (one output file per input)",
            [("--unit", "-u", true), ("--jsonl", null, false), ("--split-number-suffixes", null, false)]));
        run.Subcommands.Add(JobCommand(context, "tokenize", "kannadakit tokenizer encode, sharded: same options, identical ids (one output file per input)",
            [("--tokenizer", "-t", true), ("--special-tokens", null, true), ("--format", null, true)]));
        return run;
    }

    // One job command: the cluster's options plus the one-machine command's, passed through as they were given.
    private static Command JobCommand(CliContext context, string name, string description, (string Name, string? Alias, bool TakesValue)[] passed)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Input files (plain or .gz) on storage every worker reads", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Output folder: one file per input, same name (.gz dropped), written when all its shards are done", Required = true };
        var cluster = ClusterOption();
        var shardMb = new Option<double>("--shard-mb") { Description = "Shard size in MB (shards end at line ends)", DefaultValueFactory = _ => 8 };
        var progress = new Option<bool?>("--progress") { Description = "Show progress on standard error (default: when it is a terminal)" };
        var giveUp = new Option<double>("--give-up-after") { Description = "Seconds without an answer from the cluster before following stops (the job goes on)", DefaultValueFactory = _ => 60 };
        var command = new Command(name, description) { inputs, output, cluster, shardMb, progress, giveUp };
        var values = new List<(string Name, Option<string?>? Value, Option<bool>? Flag)>();
        foreach (var (option, alias, takesValue) in passed)
        {
            if (takesValue)
            {
                var o = alias is null ? new Option<string?>(option) : new Option<string?>(option, alias);
                o.Description = "As for the one-machine command";
                command.Options.Add(o);
                values.Add((option, o, null));
            }
            else
            {
                var f = new Option<bool>(option) { Description = "As for the one-machine command" };
                command.Options.Add(f);
                values.Add((option, null, f));
            }
        }

        command.SetAction(parse => context.Run(() =>
        {
            var args = new List<string>();
            foreach (var (option, value, flag) in values)
            {
                if (value is not null && parse.GetValue(value) is { } v)
                    args.AddRange([option, v]);
                else if (flag is not null && parse.GetValue(flag))
                    args.Add(option);
            }

            return Submit(context, name, parse.GetValue(inputs)!, parse.GetValue(output)!, args, parse.GetValue(cluster)!, parse.GetValue(shardMb), parse.GetValue(progress), parse.GetValue(giveUp));
        }));
        return command;
    }

    private static int Submit(CliContext context, string commandName, string[] inputs, string outDir, List<string> args, string clusterValue, double shardMb, bool? showProgress, double giveUpAfter)
    {
        var connection = Connection(clusterValue);
        if (shardMb is <= 0 or > 4096)
            throw new CliException("--shard-mb: between 0 and 4096", ExitCodes.Usage);
        if (giveUpAfter <= 0)
            throw new CliException("--give-up-after: must be positive", ExitCodes.Usage);
        var processor = Processors().Single(p => p.Command == commandName);
        var spec = new CorpusJobSpec
        {
            Command = commandName, Inputs = inputs, OutputFolder = outDir, Arguments = args, ShardBytes = (long)(shardMb * (1 << 20)),
            CountLines = commandName == "segment" && SegmentShardProcessor.NumbersLines(args),
        };
        JobPlan plan;
        try
        {
            processor.Validate(args);
            plan = ShardPlanner.Plan(spec);
        }
        catch (ClusterJobException e)
        {
            throw new CliException(e.Message, ExitCodes.Usage);
        }

        try
        {
            Directory.CreateDirectory(outDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--out: {outDir}: {e.Message}", ExitCodes.Usage);
        }

        using var client = Client(connection);
        context.Error.WriteLine($"kannadakit: job {plan.Id}: {plan.Shards.Count:N0} shards of {plan.Files.Count:N0} files → {Path.GetFullPath(outDir)}");
        using var ctrlC = new CtrlC();
        try
        {
            JobStatus done;
            using (var line = StatusLine.Create(context.Error, showProgress))
            {
                bool first = true;
                var shown = new SyncProgress<JobStatus>(s =>
                {
                    // With durable state (PostgreSQL) restarted workers take up a job on their own and may finish it before it is run again.
                    if (first && s.ShardsDone > 0)
                    {
                        lock (line)
                            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                                $"kannadakit: job {plan.Id}: {s.ShardsDone:N0} of {s.Shards:N0} shards were already done; {(s.Finished ? "the workers finished it meanwhile" : "going on from there")}"));
                    }

                    first = false;
                    lock (line)
                        line.Draw(() => Describe(s), force: s.Finished);
                });
                done = CorpusJobClient.RunAsync(client.Services.GetRequiredService<IClusterClient>(), plan, shown, giveUpAfter: TimeSpan.FromSeconds(giveUpAfter), cancel: ctrlC.Token).GetAwaiter().GetResult();
                line.Clear();
            }

            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"job {plan.Id}: {done.FilesDone:N0} files written to {Path.GetFullPath(outDir)} ({done.Shards:N0} shards, {done.Reissued:N0} run again after a lost worker)"));
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (ctrlC.Token.IsCancellationRequested)
        {
            context.Error.WriteLine($"kannadakit: stopped following job {plan.Id}; it goes on in the cluster (run the same command again to follow it)");
            return 130;
        }
        catch (ClusterJobException e)
        {
            throw new CliException($"job {plan.Id}: {e.Message}", e);
        }
    }

    private static Command Status(CliContext context)
    {
        var job = new Argument<string?>("job") { Description = "The job id `cluster run` printed (none: the workers and every job with work left)", Arity = ArgumentArity.ZeroOrOne };
        var cluster = ClusterOption();
        var command = new Command("status", "Where a job stands: shards done and in flight, files written, workers; with no job, the cluster's workers and running jobs") { job, cluster };
        command.SetAction(parse => context.Run(() =>
        {
            using var client = Client(Connection(parse.GetValue(cluster)!));
            var grains = client.Services.GetRequiredService<IClusterClient>();
            if (parse.GetValue(job) is not { } id)
            {
                var hosts = Calls(() => grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true));
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{hosts.Count} worker{(hosts.Count == 1 ? "" : "s")}: {string.Join(", ", hosts.Keys.Select(h => h.Endpoint.ToString()).Order(StringComparer.Ordinal))}"));
                var active = Calls(() => grains.GetGrain<IJobDirectoryGrain>(0).Active());
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{active.Count} job{(active.Count == 1 ? "" : "s")} with work left"));
                foreach (var a in active)
                {
                    var st = Calls(() => grains.GetGrain<ICorpusJobGrain>(a).Status());
                    // Localhost mode keeps state in memory: a lost worker may take a job's with it until `run` submits the job again.
                    context.Out.WriteLine($"  {a}: {(st.Shards == 0 ? "its state went with a lost worker; cluster run for the job brings it back from the parts on disk" : Describe(st))}");
                }
                return ExitCodes.Success;
            }

            var status = Calls(() => grains.GetGrain<ICorpusJobGrain>(id).Status());
            if (status.Shards == 0)
                throw new CliException($"job {status.Id}: not known to the cluster (submit it with cluster run)");
            context.Out.WriteLine(Describe(status) + (status.Error is { } e ? $"; failed: {e}" : ""));
            foreach (var w in status.Workers)
                context.Out.WriteLine($"  working: {w}");
            return status.Error is null ? ExitCodes.Success : ExitCodes.Failure;
        }));
        return command;
    }

    private static Command Serve(CliContext context)
    {
        var cluster = ClusterOption();
        var port = new Option<int>("--port") { Description = "TCP port (0 picks a free one)", DefaultValueFactory = _ => 8050 };
        var host = new Option<string>("--host") { Description = "Address to listen on; anything but loopback shows the cluster to the network", DefaultValueFactory = _ => "127.0.0.1" };
        var desk = new Option<string>("--desk") { Description = "Whose feeds to list (news run --desk)", DefaultValueFactory = _ => "default" };
        var command = new Command("serve", "Serve the cluster's state: / (workers, jobs as progress bars, feeds; refreshes itself) and /status.json") { cluster, port, host, desk };
        command.SetAction(parse => context.Run(() =>
        {
            string name = NewsClusterFeeds.Desk(parse.GetValue(desk));
            var (address, p) = ServeLoop.Endpoint(parse.GetValue(host), parse.GetValue(port));
            using var client = Client(Connection(parse.GetValue(cluster)!));
            var grains = client.Services.GetRequiredService<IClusterClient>();
            var server = KannadaKit.Cluster.Web.ClusterServer.Create(new KannadaKit.Cluster.Web.ClusterServerOptions
            {
                Overview = cancel => ClusterOverview.ReadAsync(grains, name, TimeSpan.FromSeconds(10), cancel),
                Address = address,
                Port = p,
            });
            return ServeLoop.Run(context, address, p, () => server.StartAsync(), server.DisposeAsync,
                () => context.Error.WriteLine($"serving the cluster's state at {server.Address} (Ctrl-C stops)"));
        }));
        return command;
    }

    private static Command Init(CliContext context)
    {
        var cluster = new Option<string>("--cluster") { Description = "A PostgreSQL connection string (its Search Path names the schema; default kannadakit_cluster)", Required = true };
        var sql = new Option<bool>("--sql") { Description = "Print the SQL instead, for a database administrator to run (psql -f)" };
        var command = new Command("init", "Make the cluster's tables and queries in PostgreSQL now (workers do it on first use when they may)") { cluster, sql };
        command.SetAction(parse => context.Run(() =>
        {
            string value = parse.GetValue(cluster)!;
            var parsed = Guard(() => ClusterConnection.Parse(value));
            if (parsed.Localhost)
                throw new CliException("--cluster: init is for PostgreSQL; localhost mode keeps nothing", ExitCodes.Usage);
            if (parse.GetValue(sql))
            {
                context.Out.Write(Guard(() => KannadaKit.Cluster.Postgres.PostgresClusterSchema.Script(value)));
                return ExitCodes.Success;
            }

            Connection(value);
            context.Out.WriteLine($"cluster tables ready in schema {Guard(() => KannadaKit.Cluster.Postgres.PostgresClusterSchema.SchemaName(value))}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Describe(JobStatus s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.Command} {StatusLine.Bar(s.Shards == 0 ? 0 : (double)s.ShardsDone / s.Shards)} {s.ShardsDone:N0}/{s.Shards:N0} shards, {s.FilesDone:N0}/{s.Files:N0} files, {s.InFlight} in flight on {s.Workers.Count} workers{(s.Finished ? ", finished" : "")}");

    internal static IHost Client(ClusterConnection connection)
    {
        if (!Guard(() => ClusterHostingExtensions.AnyGatewayAnswers(connection)))
            throw new CliException($"no worker answers {connection.GatewaysDescription}; start one with kannadakit cluster worker");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(c => Guard(() => c.UseKannadaKitCluster(connection)));
        var host = builder.Build();
        try
        {
            host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or System.Net.Sockets.SocketException)
        {
            host.Dispose();
            throw new CliException($"no worker answers {connection.GatewaysDescription}; start one with kannadakit cluster worker", e);
        }

        return host;
    }

    private static bool PortIsFree(int port)
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port) { ExclusiveAddressUse = true };
        try
        {
            probe.Start();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
        finally
        {
            probe.Stop();
        }
    }

    // Parses --cluster and, for PostgreSQL, makes the cluster's tables on first use.
    internal static ClusterConnection Connection(string value)
    {
        ClusterConnection parsed;
        try
        {
            parsed = ClusterConnection.Parse(value);
        }
        catch (ClusterJobException e)
        {
            throw new CliException(e.Message, ExitCodes.Usage);
        }

        return Guard(() => parsed.Prepare(), ExitCodes.Failure);
    }

    // A grain call that waits out a lost worker (up to a minute), then fails with one line.
    internal static T Calls<T>(Func<Task<T>> call) => Guard(() => ClusterCalls.Retry(call), ExitCodes.Failure);

    // As Calls, for calls with no answer.
    internal static void Calls(Func<Task> call) => Guard(() =>
    {
        ClusterCalls.Retry(call);
        return true;
    }, ExitCodes.Failure);

    private static T Guard<T>(Func<T> configure, int exitCode = ExitCodes.Usage)
    {
        try
        {
            return configure();
        }
        catch (ClusterJobException e)
        {
            throw new CliException(e.Message, e, exitCode);
        }
    }

    private static void Guard(Action configure)
    {
        try
        {
            configure();
        }
        catch (ClusterJobException e)
        {
            throw new CliException(e.Message, ExitCodes.Usage);
        }
    }
}
