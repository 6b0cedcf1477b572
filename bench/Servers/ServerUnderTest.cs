using System.Reflection;
using Workshop.Testing;

namespace Workshop.Bench.Servers;

/// <summary>
/// A server the benchmark talks to: either a reference solution it started itself, as its own process, so that the
/// server's CPU time and memory are the server's alone and can be measured; or any server already running, given by
/// its URL (a learner's, say), whose process the benchmark cannot see.
/// </summary>
public sealed class ServerUnderTest : IAsyncDisposable
{
    private readonly ServerProcess? _process;

    private ServerUnderTest(Uri baseAddress, ServerProcess? process, string description)
    {
        BaseAddress = baseAddress;
        _process = process;
        Description = description;
    }

    public Uri BaseAddress { get; }

    /// <summary>The server's process id when the benchmark started it; null for a server given by URL.</summary>
    public int? ProcessId => _process?.ProcessId;

    /// <summary>What was measured, for the report: "solutions/02-polling (started by the benchmark)", or the URL.</summary>
    public string Description { get; }

    /// <summary>A server already running at <paramref name="url"/>.</summary>
    public static ServerUnderTest AtUrl(Uri url) =>
        new(url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/"), null, $"{url} (running already; its CPU and memory are not measured)");

    /// <summary>Starts the reference solution of <paramref name="step"/> ("02", "03" or "05") on a free loopback port.</summary>
    public static Task<ServerUnderTest> StartStepAsync(string step, CancellationToken cancellationToken)
    {
        var program = Metadata($"Server:{step}")
            ?? throw new ArgumentException($"The benchmark knows no server for step {step}.", nameof(step));
        if (!File.Exists(program))
        {
            throw new FileNotFoundException(
                $"The reference solution of step {step} is not built at {program}. Build the benchmark (dotnet build -c Release bench), which builds it too.");
        }
        // Warnings only: a server that logs a line per request would spend on logging what the benchmark puts on messages.
        return StartAsync(program, [], $"{Metadata($"Folder:{step}")} (started by the benchmark)", cancellationToken);
    }

    /// <summary>Starts this program's own SignalR hub (<see cref="FanOut.HubServer"/>) as a process of its own.</summary>
    public static Task<ServerUnderTest> StartHubAsync(CancellationToken cancellationToken) =>
        StartAsync(typeof(ServerUnderTest).Assembly.Location, [FanOut.HubServer.Command], "the benchmark's SignalR hub (started by the benchmark)", cancellationToken);

    private static async Task<ServerUnderTest> StartAsync(string program, string[] command, string description, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            .. command,
            "--urls", "http://127.0.0.1:0",
            "--Logging:LogLevel:Default", "Warning",
            // The line that says where it listens comes from here; it is the only line read.
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information",
        ];
        var process = await ServerProcess.StartAsync(program, arguments, TimeSpan.FromSeconds(60), cancellationToken);
        return new ServerUnderTest(process.BaseAddress, process, description);
    }

    /// <summary>The folder of the repository the benchmark was built in, for its default output folder.</summary>
    public static string WorkshopRoot => Metadata("WorkshopRoot") ?? Directory.GetCurrentDirectory();

    private static string? Metadata(string key) =>
        typeof(ServerUnderTest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
