using System.Diagnostics;

namespace Workshop.Bench.Measuring;

/// <summary>
/// What a server's process used while it was being measured: CPU time (user and kernel) from the operating system's
/// own accounting, and the largest resident memory (working set) seen by sampling it every <see cref="SampleEvery"/>.
/// Sampling is the same on Linux, macOS and Windows; a peak shorter than a sample can be missed, which the output says.
/// </summary>
public sealed class ProcessProbe : IAsyncDisposable
{
    public static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(50);

    private readonly Process _process;
    private readonly TimeSpan _cpuAtStart;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakWorkingSet;

    private ProcessProbe(Process process)
    {
        _process = process;
        _process.Refresh();
        _cpuAtStart = _process.TotalProcessorTime;
        _peakWorkingSet = _process.WorkingSet64;
        _sampling = SampleAsync(_stop.Token);
    }

    /// <summary>Starts measuring the process <paramref name="processId"/> from now.</summary>
    public static ProcessProbe Start(int processId) => new(Process.GetProcessById(processId));

    /// <summary>The process's resident memory now, in bytes.</summary>
    public static long WorkingSetOf(int processId)
    {
        using var process = Process.GetProcessById(processId);
        return process.WorkingSet64;
    }

    /// <summary>Stops measuring and says what the process used since <see cref="Start"/>.</summary>
    public async Task<ProcessUse> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _process.Refresh();
        Sample();
        return new ProcessUse(_process.TotalProcessorTime - _cpuAtStart, Interlocked.Read(ref _peakWorkingSet), _process.WorkingSet64);
    }

    private async Task SampleAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(SampleEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                _process.Refresh();
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the last sample is taken by StopAsync.
        }
    }

    private void Sample()
    {
        var now = _process.WorkingSet64;
        if (now > Interlocked.Read(ref _peakWorkingSet))
        {
            Interlocked.Exchange(ref _peakWorkingSet, now);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
            await _sampling;
        }
        _stop.Dispose();
        _process.Dispose();
    }
}

/// <summary>What a process used: CPU time, and its largest and latest resident memory, in bytes.</summary>
public sealed record ProcessUse(TimeSpan Cpu, long PeakWorkingSet, long WorkingSet);
