using System.Diagnostics;
using System.Globalization;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Simulated;
using CondorActors.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.Benchmarks.Api;

/// <summary>
/// <c>-- api</c>: the read API against a running server on the simulated pool, measured outside
/// BenchmarkDotNet (it needs a live Kestrel and command counts, not per-operation times).
/// (a) 100 concurrent identical <c>GET /v1/jobs</c> per cache period: backend commands, with the
/// query actor and with caching and coalescing off (baseline). (b) <c>GET /v1/jobs</c> over
/// 100,000 jobs: requests per second and peak growth of the process's managed heap and working set.
/// </summary>
internal static class ApiLoad
{
    public static async Task<int> RunAsync(int jobs)
    {
        Console.WriteLine("(a) 100 concurrent identical GET /v1/jobs (1,000 jobs), 5 rounds, one per cache period (1 s)");
        await CoalescingAsync("query actor (cache 1 s, coalescing on)", []);
        await CoalescingAsync("baseline (cache 0, coalescing off)", ["--condoractors:condor:query-cache-ttl=0", "--condoractors:condor:coalesce-queries=off"]);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(b) GET /v1/jobs over {jobs:N0} simulated jobs, streamed"));
        await StreamingAsync(jobs);
        return 0;
    }

    private static async Task CoalescingAsync(string label, string[] settings)
    {
        await using var server = await StartAsync(1000, settings);
        var perRound = new List<int>();
        for (var round = 0; round < 5; round++)
        {
            var before = server.Gateway.Commands;
            var requests = Enumerable.Range(0, 100).Select(_ => server.Client.GetAsync(new Uri("/v1/jobs", UriKind.Relative))).ToList();
            foreach (var response in await Task.WhenAll(requests))
            {
                response.EnsureSuccessStatusCode();
                response.Dispose();
            }

            perRound.Add(server.Gateway.Commands - before);

            // The next round starts in a new cache period.
            await Task.Delay(TimeSpan.FromMilliseconds(1100));
        }

        Console.WriteLine($"  {label}: backend commands per round = {string.Join(", ", perRound)} (max {perRound.Max()})");
    }

    private static async Task StreamingAsync(int jobs)
    {
        await using var server = await StartAsync(jobs, []);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = process.WorkingSet64;
        long peakHeap = heapBefore, peakWorkingSet = workingSetBefore;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                // Live objects only (a full collection first): what streaming keeps alive, not
                // garbage waiting for the next gen0 collection.
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: true));
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                await Task.Delay(250).ConfigureAwait(false);
            }
        });

        const int Requests = 5;
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Requests; i++)
        {
            using var response = await server.Client.GetAsync(new Uri("/v1/jobs", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                bytes += read;
            }
        }

        clock.Stop();
        await stop.CancelAsync();
        await sampler;
        const double MiB = 1024 * 1024;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {Requests} requests in {clock.Elapsed.TotalSeconds:0.00} s = {Requests / clock.Elapsed.TotalSeconds:0.00} requests/s, {bytes / MiB / Requests:0} MiB per answer, {bytes / MiB / clock.Elapsed.TotalSeconds:0} MiB/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  peak growth while streaming: live managed heap {(peakHeap - heapBefore) / MiB:0.0} MiB, working set {(peakWorkingSet - workingSetBefore) / MiB:0.0} MiB (server and client share the process)"));
    }

    private static async Task<Server> StartAsync(int jobs, string[] settings)
    {
        CountingGateway? counting = null;
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--condoractors:condor:backend=simulated",
            $"--condoractors:condor:simulated:seed-jobs={jobs}",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ];
        var app = ServerHost.Build(args, services => services.AddSingleton<ICondorGateway>(provider =>
            counting = new CountingGateway(provider.GetRequiredService<SimulatedCondorPool>())));
        await app.StartAsync();
        _ = app.Services.GetRequiredService<ICondorGateway>();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Server(app, new HttpClient { BaseAddress = new Uri(address) }, counting!);
    }

    private sealed record Server(WebApplication App, HttpClient Client, CountingGateway Gateway) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
