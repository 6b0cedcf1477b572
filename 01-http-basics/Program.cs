// Step 01: HTTP basics. A plain HTTP/1.1 server on a raw TCP socket: it reads a request as text,
// answers it, and closes the connection. Run it and open the address it prints in a browser.
using System.Runtime.InteropServices;
using HttpBasics.Server;

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(ServerOptions.Usage);
    return 0;
}

var options = ServerOptions.FromArgs(args, out var problem);
if (options is null)
{
    Console.Error.WriteLine(problem);
    Console.Error.WriteLine(ServerOptions.Usage);
    return 2;
}

// Ctrl+C (SIGINT) and SIGTERM stop the server cleanly.
using var stop = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using (var server = HttpServer.Start(options))
{
    Console.WriteLine($"Listening on {server.BaseAddress} (Ctrl+C to stop)");
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
        // Ctrl+C or SIGTERM: the wait is over.
    }
    Console.WriteLine("Stopping...");
}
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
