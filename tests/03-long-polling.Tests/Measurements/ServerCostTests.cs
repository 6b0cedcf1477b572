using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using LongPolling.Stats;

namespace LongPolling.Tests.Measurements;

/// <summary>
/// Ten thousand clients waiting on one server, started as its own process so that its memory is its own: what each
/// waiting request costs, and whether one post reaches them all.
/// </summary>
[Measurement]
[Todo(1, 2)]
[Collection(RunsAloneCollection.Name)]
public sealed class ServerCostTests
{
    private const int Clients = 10_000;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ten_thousand_waiting_requests_are_all_woken_by_one_post()
    {
        await using var server = await ServerProcess.StartAsync(Path.Combine(AppContext.BaseDirectory, "LongPolling.dll"),
        [
            "--urls", "http://127.0.0.1:0",
            "--LongPolling:Timeout", "00:05:00",
            "--LongPolling:MaxWaiting", Clients.ToString(CultureInfo.InvariantCulture),
            // The server's log of every request would cost more than the requests.
            "--Logging:LogLevel:Default", "Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information",
        ], TimeSpan.FromSeconds(30), Cancel);
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var endPoint = new IPEndPoint(IPAddress.Parse(server.BaseAddress.Host), server.BaseAddress.Port);

        // A first message, and a wait that must answer it at once: an unfinished TODO fails here, without 10,000 clients.
        var first = await PostAsync(http, "warm-up");
        using (var probe = await http.GetAsync("/api/messages/wait?after=0", Cancel))
        {
            probe.StatusCode.Should().Be(HttpStatusCode.OK, "message {0} is newer than 0; the server answered {1}", first.Id, await Board.DescribeAsync(probe));
        }
        // Warm the server up with a few hundred waits, so that the measure below sees the waits, not the start-up.
        var warmUp = await OpenWaitsAsync(endPoint, 500, after: first.Id);
        await UntilWaitingAsync(http, 500);
        var second = await PostAsync(http, "warm-up is over");
        await ReadAllAsync(warmUp);
        await UntilWaitingAsync(http, 0);
        await Task.Delay(TimeSpan.FromSeconds(1), Cancel);
        var memoryBefore = Memory(server);

        var clients = await OpenWaitsAsync(endPoint, Clients, after: second.Id);
        await UntilWaitingAsync(http, Clients);
        await Task.Delay(TimeSpan.FromSeconds(1), Cancel);
        var memoryWaiting = Memory(server);

        var clock = Stopwatch.StartNew();
        var news = await PostAsync(http, "for all ten thousand");
        var answers = await ReadAllAsync(clients);
        var wakeUp = clock.Elapsed;

        var perRequest = (memoryWaiting - memoryBefore) / Clients;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Server memory (resident set): {memoryBefore / 1024 / 1024} MiB before, {memoryWaiting / 1024 / 1024} MiB with {Clients} waiting requests: "
            + $"about {perRequest:N0} bytes per waiting request (its connection, its request and its wait). "
            + $"One post answered all {Clients} in {wakeUp.TotalMilliseconds:0} ms.");
        var wrong = answers.Where(answer => answer.StatusCode != 200 || !answer.Body.Contains($"\"id\":{news.Id},", StringComparison.Ordinal)).ToList();
        wrong.Should().BeEmpty("one post must answer every one of the {0} waiting requests with that message; {1} did not, the first of them got:\n{2}",
            Clients, wrong.Count, wrong.FirstOrDefault());
    }

    private static async Task<Message> PostAsync(HttpClient http, string text)
    {
        using var response = await http.PostAsJsonAsync("/api/messages", new { author = "Ana", text }, Cancel);
        response.StatusCode.Should().Be(HttpStatusCode.Created, "posting is step 02's contract; the server answered {0}", await Board.DescribeAsync(response));
        return (await response.Content.ReadFromJsonAsync<Message>(Cancel))!;
    }

    /// <summary>Opens <paramref name="count"/> connections, each sending one wait; the server closes each after its answer.</summary>
    private static async Task<TcpClient[]> OpenWaitsAsync(IPEndPoint server, int count, long after)
    {
        var request = Encoding.ASCII.GetBytes($"GET /api/messages/wait?after={after} HTTP/1.1\r\nHost: {server}\r\nConnection: close\r\n\r\n");
        var clients = new TcpClient[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = Cancel }, async (i, cancel) =>
        {
            var client = await RawHttpClient.ConnectAsync(server, cancel);
            await client.GetStream().WriteAsync(request, cancel);
            clients[i] = client;
        });
        return clients;
    }

    private static async Task<RawResponse[]> ReadAllAsync(TcpClient[] clients)
    {
        try
        {
            return await Task.WhenAll(clients.Select(client => RawHttpClient.ReadUntilClosedAsync(client, TimeSpan.FromSeconds(60), Cancel)));
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private static async Task UntilWaitingAsync(HttpClient http, int count)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var stats = await http.GetFromJsonAsync<StatsEndpoints.Stats>("/api/stats", Cancel);
            if (stats!.Waiting == count)
            {
                return;
            }
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(120), "{0} requests were sent to wait, and the stats say {1} are waiting", count, stats.Waiting);
            await Task.Delay(100, Cancel);
        }
    }

    private static long Memory(ServerProcess server)
    {
        using var process = Process.GetProcessById(server.ProcessId);
        return process.WorkingSet64;
    }
}
