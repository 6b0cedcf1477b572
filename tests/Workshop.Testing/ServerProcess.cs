using System.Diagnostics;
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
    /// Runs <c>dotnet <paramref name="assemblyPath"/> <paramref name="arguments"/></c> and waits until it prints an address.
    /// Throws <see cref="TimeoutException"/> (with the process's output) when none comes within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string assemblyPath, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(assemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var server = new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start dotnet {assemblyPath}."));
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

        try
        {
            server.BaseAddress = await address.Task.WaitAsync(timeout, cancellationToken);
            return server;
        }
        catch (TimeoutException)
        {
            await server.DisposeAsync();
            throw new TimeoutException($"The server printed no address within {timeout.TotalSeconds} s. It printed:\n{server.Output}");
        }
    }

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
