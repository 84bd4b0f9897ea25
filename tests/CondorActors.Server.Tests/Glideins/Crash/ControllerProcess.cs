using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CondorActors.TestKit;

namespace CondorActors.Server.Tests.Glideins.Crash;

/// <summary>
/// The real controller executable (<c>condoractors.dll</c> of this build) as a child process on a
/// configuration file, so it can be killed with SIGKILL like a crashing controller and started again
/// on the same data folder. Its output goes to a file in the data folder (shown when a test fails).
/// </summary>
internal sealed class ControllerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private static readonly Lock LogGate = new();

    private readonly Process _process;
    private readonly Task _output;

    private ControllerProcess(Process process, Task output, Uri address, string token)
    {
        _process = process;
        _output = output;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Authenticated with the token given at start.</summary>
    public HttpClient Client { get; }

    public int Pid => _process.Id;

    /// <summary>
    /// Starts <c>dotnet condoractors.dll --config CONFIG --urls http://127.0.0.1:PORT</c> with output
    /// appended to <paramref name="logFile"/>, and waits until <c>/readyz</c> answers 200.
    /// </summary>
    public static async Task<ControllerProcess> StartAsync(string configFile, string token, string logFile)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "condoractors.dll"));
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(configFile);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.ArgumentList.Add("--Logging:LogLevel:Microsoft.AspNetCore=Warning");
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start condoractors");
        var output = Task.WhenAll(CopyAsync(process.StandardOutput, logFile), CopyAsync(process.StandardError, logFile));
        var controller = new ControllerProcess(process, output, new Uri($"http://127.0.0.1:{port}/"), token);
        await AwaitAssert.RunAsync(
            () =>
            {
                Assert.False(process.HasExited, $"condoractors exited ({(process.HasExited ? process.ExitCode : 0)}) at start; see {logFile}");
                using var ready = controller.Client.GetAsync(new Uri("/readyz", UriKind.Relative)).GetAwaiter().GetResult();
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            },
            StartTimeout,
            TimeSpan.FromMilliseconds(200));
        return controller;
    }

    /// <summary>Sends a request with an optional JSON body; the body of the answer as JSON (a string when it is not JSON).</summary>
    public async Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length > 0 && response.Content.Headers.ContentType?.MediaType is "application/json" or "application/problem+json"
            ? JsonDocument.Parse(text).RootElement.Clone()
            : JsonSerializer.SerializeToElement(text);
        return (response, body);
    }

    /// <summary>SIGKILL (Process.Kill on Unix): no shutdown hook, flush or journal close runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
        await _output;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private static async Task CopyAsync(StreamReader from, string logFile)
    {
        while (await from.ReadLineAsync() is { } line)
        {
            lock (LogGate)
            {
                File.AppendAllText(logFile, line + "\n");
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
