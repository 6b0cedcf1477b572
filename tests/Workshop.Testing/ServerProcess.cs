using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Workshop.Testing;

/// <summary>
/// A step's server started as its own process, the way a learner starts it, on the port it is told.
/// Every step's server prints the address it listens on; this waits for that line and reads the address back.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The operating system's id of the server's process, to look at what it uses (its memory, say).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Everything the server printed so far, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    [GeneratedRegex(@"https?://[^\s/]+:\d+")]
    private static partial Regex AddressPattern();

    /// <summary>
    /// Runs <c>dotnet <paramref name="assemblyPath"/> <paramref name="arguments"/></c>, with the same dotnet that runs
    /// the tests (<see cref="DotnetHost"/>), and waits until it prints an address.
    /// </summary>
    /// <exception cref="InvalidOperationException">The program exited before printing an address; the message has its output.</exception>
    /// <exception cref="TimeoutException">No address came within <paramref name="timeout"/>; the message has the output.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired first.</exception>
    /// <remarks>Whenever it throws, the program has been stopped: a failed start never leaves a server behind.</remarks>
    public static Task<ServerProcess> StartAsync(string assemblyPath, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetHost());
        start.ArgumentList.Add(assemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return StartAsync(start, timeout, cancellationToken);
    }

    /// <summary>Starts any program and waits until it prints an address, as <see cref="StartAsync(string, IEnumerable{string}, TimeSpan, CancellationToken)"/>.</summary>
    internal static async Task<ServerProcess> StartAsync(ProcessStartInfo start, TimeSpan timeout, CancellationToken cancellationToken)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var server = new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}."));
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object _, DataReceivedEventArgs line)
        {
            if (line.Data is null)
            {
                return;
            }
            lock (server._output)
            {
                server._output.AppendLine(line.Data);
            }
            var match = AddressPattern().Match(line.Data);
            if (match.Success)
            {
                address.TrySetResult(new Uri(match.Value + "/"));
            }
        }
        server._process.OutputDataReceived += OnLine;
        server._process.ErrorDataReceived += OnLine;
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();

        // Whichever comes first: the address, the program's exit, the timeout, the test's cancellation.
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(timeout);
        var exited = server._process.WaitForExitAsync(waiting.Token);
        if (await Task.WhenAny(address.Task, exited) == address.Task)
        {
            server.BaseAddress = await address.Task;
            return server;
        }

        // No address: stop the program (when it still runs) before saying why.
        var exitCode = exited.IsCompletedSuccessfully ? server._process.ExitCode : (int?)null;
        await server.DisposeAsync();
        cancellationToken.ThrowIfCancellationRequested();
        if (exitCode is { } code)
        {
            throw new InvalidOperationException($"The server exited with code {code} before it printed an address. It printed:\n{server.Output}");
        }
        throw new TimeoutException($"The server printed no address within {timeout.TotalSeconds} s, so it was stopped. It printed:\n{server.Output}");
    }

    /// <summary>
    /// The dotnet host of the runtime these tests run on, so that a step's server runs on the same .NET as its tests,
    /// whatever <c>dotnet</c> comes first on the PATH. Under Microsoft.Testing.Platform a test project is its own
    /// executable: the process is not <c>dotnet</c>, and <c>dotnet test</c> does not set DOTNET_HOST_PATH for it.
    /// The runtime's folder, <c>&lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/</c>, names the root that holds the host.
    /// </summary>
    internal static string DotnetHost()
    {
        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var besideRuntime = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", executable));
        if (File.Exists(besideRuntime))
        {
            return besideRuntime;
        }
        // A self-contained test run carries its runtime in its own folder; then trust what an SDK said, or the PATH.
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return File.Exists(hostPath) ? hostPath : executable;
    }

    /// <summary>Stops the server (and anything it started) and waits until it is gone.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
