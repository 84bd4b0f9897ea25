using CondorActors.Kernel.Actors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

namespace CondorActors.TestKit;

/// <summary>
/// Base of actor tests: a fresh <see cref="ActorSystem"/> per test, with DI services from
/// <see cref="ConfigureServices"/>, logs to the test output, and terminated after the test.
/// </summary>
public abstract class ActorTestBase : IAsyncLifetime
{
    private readonly ITestOutputHelper? _output;
    private ServiceProvider? _services;
    private ActorSystem? _system;

    protected ActorTestBase(ITestOutputHelper? output = null)
    {
        _output = output;
    }

    /// <summary>The system of this test.</summary>
    protected ActorSystem Sys => _system ?? throw new InvalidOperationException("The actor system exists only between InitializeAsync and DisposeAsync.");

    protected IServiceProvider Services => _services ?? throw new InvalidOperationException("Services exist only between InitializeAsync and DisposeAsync.");

    /// <summary>Default timeout of probe expectations and AwaitAssertAsync.</summary>
    protected virtual TimeSpan DefaultTimeout => TimeSpan.FromSeconds(5);

    public virtual Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Debug);
            if (_output is not null)
            {
                logging.AddProvider(new XunitLoggerProvider(_output, LogLevel.Debug));
            }
        });
        ConfigureServices(services);
        _services = services.BuildServiceProvider();
        var options = new ActorSystemOptions { DrainTimeout = TimeSpan.Zero, StopTimeout = TimeSpan.FromSeconds(5) };
        ConfigureOptions(options);
        _system = ActorSystem.Create(GetType().Name, _services, CreateTimeProvider(), options);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.TerminateAsync(TimeSpan.Zero);
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    protected TestProbe CreateTestProbe(string? name = null) => new(Sys, name, DefaultTimeout);

    /// <summary>Runs <paramref name="assert"/> until it passes or the timeout expires (then rethrows its failure).</summary>
    protected Task AwaitAssertAsync(Action assert, TimeSpan? timeout = null, TimeSpan? interval = null) =>
        AwaitAssert.RunAsync(assert, timeout ?? DefaultTimeout, interval ?? TimeSpan.FromMilliseconds(20));

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected virtual void ConfigureOptions(ActorSystemOptions options)
    {
    }

    /// <summary>The system's clock; override to return a <see cref="FakeTimeProvider"/>.</summary>
    protected virtual TimeProvider CreateTimeProvider() => TimeProvider.System;
}
