// The workshop's measurement tool. It starts the reference solutions of steps 02, 03 and 05 (or talks to servers given by
// URL), drives them with real HTTP and WebSocket clients over loopback, and reports what each technique costs:
//   dotnet run -c Release --project bench                  the comparison: polling, long polling, WebSocket
//   dotnet run -c Release --project bench -- --fanout      the chat's fan-out, and a SignalR hub under the same load
//   dotnet run -c Release --project bench -- --help        every option
using Workshop.Bench;
using Workshop.Bench.FanOut;

if (args is [HubServer.Command, ..])
{
    // The benchmark starts its SignalR hub as a process of its own, from this same program.
    await HubServer.RunAsync(args[1..]);
    return 0;
}
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchSettings.Usage);
    return 0;
}

BenchSettings settings;
try
{
    settings = BenchSettings.Parse(args);
}
catch (ArgumentException problem)
{
    Console.Error.WriteLine(problem.Message);
    Console.Error.WriteLine("Run with --help for every option.");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, stop) =>
{
    // Ctrl+C stops the run cleanly: the servers the benchmark started are stopped too.
    stop.Cancel = true;
    cancel.Cancel();
};
try
{
    return await BenchCommand.RunAsync(settings, cancel.Token);
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("Stopped.");
    return 130;
}
