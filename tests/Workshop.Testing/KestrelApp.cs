using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Workshop.Testing;

/// <summary>
/// A step's ASP.NET Core app, started for one test on a real Kestrel server on a loopback port the operating system
/// picks: real sockets, so browsers, raw TCP clients and long-lived requests work as they do against <c>dotnet run</c>.
/// Dispose it to stop the server.
/// </summary>
/// <typeparam name="TEntryPoint">Any type of the app's assembly, usually its <c>Program</c>.</typeparam>
public sealed class KestrelApp<TEntryPoint> : IAsyncDisposable where TEntryPoint : class
{
    /// <summary>How long a test's HttpClient waits for an answer before the test fails instead of hanging.</summary>
    public static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(30);

    private readonly Factory _factory;

    private KestrelApp(Factory factory)
    {
        _factory = factory;
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started but reported no address.");
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        EndPoint = new IPEndPoint(IPAddress.Parse(BaseAddress.Host), BaseAddress.Port);
    }

    /// <summary>The app's address as a browser wants it, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The address and port, for a raw TCP client.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The app's services, for a test that needs to look inside (a clock, a store).</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>
    /// Starts the app. <paramref name="settings"/> override its configuration for this test only, with the keys the
    /// app reads (<c>"LongPolling:Timeout" = "00:00:01"</c>), as if they came from its command line.
    /// <paramref name="port"/> 0 (the default) lets the operating system pick a free port; a test that restarts an app
    /// where its clients expect it passes the port the first one had.
    /// </summary>
    public static KestrelApp<TEntryPoint> Start(IReadOnlyDictionary<string, string?>? settings = null, int port = 0)
    {
        var factory = new Factory(settings ?? new Dictionary<string, string?>(), port);
        try
        {
            factory.StartServer();
            return new KestrelApp<TEntryPoint>(factory);
        }
        catch (ObjectDisposedException disposed)
        {
            // The app threw while starting and disposed its services before the test host could ask them whether it
            // had started; the app's own exception is lost in that race, so say what happened instead.
            factory.Dispose();
            throw new InvalidOperationException(
                "The app stopped while it was starting, before it served anything. Start it with 'dotnet run' to read its error.",
                disposed);
        }
        catch
        {
            factory.Dispose();
            throw;
        }
    }

    /// <summary>An HttpClient that talks to this app over its real socket; dispose it when done.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = ClientTimeout };

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private sealed class Factory : WebApplicationFactory<TEntryPoint>
    {
        /// <summary>
        /// Settings every test's app gets unless the test sets them itself. The app's own log (a line per request or
        /// connection) would drown the test output; warnings and errors still show. They are configuration, because a
        /// step's appsettings.json "Logging" section outranks a minimum level set in code.
        /// </summary>
        private static readonly IReadOnlyDictionary<string, string?> TestDefaults = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            // The app's own address (its appsettings.json "Urls") gives way to the port chosen below; left set, Kestrel
            // would warn in every test that it overrides it.
            ["Urls"] = "",
        };

        private readonly IReadOnlyDictionary<string, string?> _settings;

        public Factory(IReadOnlyDictionary<string, string?> settings, int port)
        {
            _settings = settings;
            // Port 0: the operating system picks a free port, so tests never collide with each other or a running server.
            UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // The test's own settings come last: a key set twice keeps its last value.
            foreach (var (key, value) in TestDefaults.Concat(_settings))
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
