using System.Collections.Concurrent;
using System.Net;
using CondorActors.Server.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CondorActors.Server.Tests.Security.SecurityAssert;

namespace CondorActors.Server.Tests.Security;

public sealed class TokenLoggingTests
{
    [Fact]
    public async Task Tokens_never_reach_the_log_even_at_trace_level()
    {
        var capture = new CapturingLoggerProvider();
        await using var server = await RunningServer.StartAsync(
            configure: null,
            overrideServices: services => services.AddSingleton<ILoggerProvider>(capture),
            "--condoractors:condor:backend=simulated", "--Logging:LogLevel:Default=Trace");
        var token = await server.CreateTokenAsync("alice", [ApiScopes.Read]);
        var forged = token[..^4] + "QQQQ";
        var secret = token.Split('_', 3)[2];

        Assert.Equal(HttpStatusCode.OK, (await server.ClientWith(token).GetAsync(Path("/v1/jobs"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.ClientWith(forged).GetAsync(Path("/v1/jobs"))).StatusCode);
        using var legacy = new HttpRequestMessage(HttpMethod.Post, Path("/v1/admin/tokens"));
        legacy.Headers.Add("Auth", token);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.AnonymousClient.SendAsync(legacy)).StatusCode);

        var lines = capture.Lines.ToList();
        Assert.Contains(lines, line => line.Contains("/v1/jobs", StringComparison.Ordinal)); // the capture does see the requests
        Assert.DoesNotContain(lines, line => line.Contains(secret, StringComparison.Ordinal) || line.Contains(forged[^20..], StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => server.AdminToken is { } admin && line.Contains(admin.Split('_', 3)[2], StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                provider.Lines.Enqueue($"{category} scope: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                provider.Lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {structured} {exception}");
            }
        }
    }
}
