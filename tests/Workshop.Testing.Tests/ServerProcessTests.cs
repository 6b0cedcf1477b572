using System.Diagnostics;
using System.Runtime.InteropServices;
using FluentAssertions;
using Xunit;

namespace Workshop.Testing.Tests;

public sealed class ServerProcessTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Program_that_exits_early_fails_the_start_at_once_with_its_output()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-server-{Guid.NewGuid():N}.dll");
        var timeout = TimeSpan.FromSeconds(60);
        var clock = Stopwatch.StartNew();

        var start = () => ServerProcess.StartAsync(missing, ["--port", "0"], timeout, Cancel);

        var failure = await start.Should().ThrowAsync<InvalidOperationException>();
        clock.Elapsed.Should().BeLessThan(timeout / 2, "a program that has exited will never print an address: waiting for the timeout only wastes time");
        failure.Which.Message.Should().Contain("exited with code", "the message says that the program ended")
            .And.Contain(Path.GetFileName(missing), "the message shows what the program printed (here, dotnet saying the file is missing)");
    }

    [Fact]
    public async Task Program_that_prints_no_address_is_stopped_at_the_timeout()
    {
        var pidFile = Path.GetTempFileName();

        var start = () => ServerProcess.StartAsync(Sleeper(pidFile), TimeSpan.FromSeconds(2), Cancel);

        var failure = await start.Should().ThrowAsync<TimeoutException>();
        failure.Which.Message.Should().Contain("started, no address", "the message shows what the program printed");
        IsRunning(await ProcessIdAsync(pidFile)).Should().BeFalse("a start that failed must not leave the program running");
        File.Delete(pidFile);
    }

    [Fact]
    public async Task Cancelling_the_start_stops_the_program()
    {
        var pidFile = Path.GetTempFileName();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Cancel);

        var starting = ServerProcess.StartAsync(Sleeper(pidFile), TimeSpan.FromSeconds(60), cancellation.Token);
        var pid = await ProcessIdAsync(pidFile);
        await cancellation.CancelAsync();

        await starting.Awaiting(task => task).Should().ThrowAsync<OperationCanceledException>();
        IsRunning(pid).Should().BeFalse("a test that is cancelled must not leave its server running");
        File.Delete(pidFile);
    }

    [Fact]
    public void Dotnet_host_is_the_one_of_the_running_runtime()
    {
        var host = ServerProcess.DotnetHost();

        File.Exists(host).Should().BeTrue("the host is found by path, not left to whatever 'dotnet' the PATH has first; got '{0}'", host);
        Path.GetFileNameWithoutExtension(host).Should().Be("dotnet");
        RuntimeEnvironment.GetRuntimeDirectory().Should().StartWith(Path.GetDirectoryName(host)!,
            "the runtime running these tests lives under the host's own folder");
    }

    // A stand-in for a server that never says where it listens: it writes its process id to a file, says it started, and sleeps.
    private static ProcessStartInfo Sleeper(string pidFile) => OperatingSystem.IsWindows()
        ? new("powershell", ["-NoProfile", "-Command", $"Set-Content -Path '{pidFile}' -Value $PID; Write-Output 'started, no address'; Start-Sleep -Seconds 60"])
        : new("/bin/sh", ["-c", $"echo $$ > '{pidFile}'; echo 'started, no address'; exec sleep 60"]);

    private static async Task<int> ProcessIdAsync(string pidFile)
    {
        while (true)
        {
            if (int.TryParse(await File.ReadAllTextAsync(pidFile, Cancel), out var pid))
            {
                return pid;
            }
            await Task.Delay(20, Cancel);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
