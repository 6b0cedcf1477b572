using System.Globalization;

namespace Workshop.Bench;

/// <summary>What to run and how much, from the command line. <see cref="Usage"/> lists every option.</summary>
public sealed record BenchSettings
{
    public bool FanOut { get; init; }
    public bool Quick { get; init; }
    public int Clients { get; init; } = 100;
    public int Messages { get; init; } = 200;
    public double Rate { get; init; } = 10;
    public int Repeats { get; init; } = 3;
    public int WarmUpMessages { get; init; } = 20;
    public IReadOnlyList<string> Only { get; init; } = [];
    /// <summary>Servers already running, by step ("02", "03", "05"): the benchmark talks to them instead of starting its own.</summary>
    public IReadOnlyDictionary<string, Uri> Servers { get; init; } = new Dictionary<string, Uri>();
    public string Output { get; init; } = Path.Combine(Workshop.Bench.Servers.ServerUnderTest.WorkshopRoot, "artifacts", "bench");

    // The fan-out run.
    public IReadOnlyList<int> Counts { get; init; } = [100, 500, 1000, 2000, 5000, 10000];
    public int Broadcasts { get; init; } = 50;
    public double BroadcastRate { get; init; } = 10;
    public double BoundMilliseconds { get; init; } = 250;
    public bool SkipHub { get; init; }

    /// <summary>A run's JSON to draw the table and chart from again, measuring nothing.</summary>
    public string? Render { get; init; }

    public const string Usage = """
        Measures what polling, long polling and a WebSocket cost, on this machine, over loopback.

          dotnet run -c Release --project bench [-- options]

        The comparison (default): each approach's reference solution is started, C subscribers listen, one sender sends
        M messages at R a second; every figure is the median of the repeated rounds, with the spread.
          --clients C           subscribers (default 100)
          --messages M          messages per round (default 200)
          --rate R              messages a second (default 10)
          --repeats N           measured rounds per approach, after a warm-up round (default 3)
          --only A,B            only these approaches: polling-1000ms, polling-250ms, long-polling, websocket
          --server NN=URL       talk to the step NN server running at URL (a learner's, say) instead of starting one;
                                its CPU and memory are then not measured. Example: --server 05=http://127.0.0.1:5005
          --quick               a short run for class (under 30 s): 20 clients, 20 messages at 20 a second, 1 round

        The fan-out (--fanout): one chat, more and more clients, one of them broadcasting; then the same load on a
        SignalR hub.
          --counts 100,500,...  client counts to grow through (default 100,500,1000,2000,5000,10000); stops after the first
                                count whose p99 is over the bound
          --broadcasts K        broadcasts per count (default 50), at --broadcast-rate a second (default 10)
          --bound MS            the latency bound for p99, in milliseconds (default 250)
          --no-hub              the chat only

          --out FOLDER          where the JSON and the SVG chart go (default artifacts/bench)
          --render RUN.json     measure nothing: write the table and chart again from a run's JSON (into --out)
        """;

    public static BenchSettings Parse(IReadOnlyList<string> args)
    {
        var settings = args.Contains("--quick")
            ? new BenchSettings { Quick = true, Clients = 20, Messages = 20, Rate = 20, Repeats = 1, WarmUpMessages = 5, Counts = [100, 500], Broadcasts = 20 }
            : new BenchSettings();
        var servers = new Dictionary<string, Uri>();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--quick" => settings,
                "--fanout" => settings with { FanOut = true },
                "--clients" => settings with { Clients = Positive(args[i], Value()) },
                "--messages" => settings with { Messages = Positive(args[i], Value()) },
                "--rate" => settings with { Rate = PositiveNumber(args[i], Value()) },
                "--repeats" => settings with { Repeats = Positive(args[i], Value()) },
                "--only" => settings with { Only = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--server" => AddServer(settings, servers, Value()),
                "--out" => settings with { Output = Path.GetFullPath(Value()) },
                "--render" => settings with { Render = Path.GetFullPath(Value()) },
                "--counts" => settings with { Counts = [.. Value().Split(',').Select(count => Positive("--counts", count))] },
                "--broadcasts" => settings with { Broadcasts = Positive(args[i], Value()) },
                "--broadcast-rate" => settings with { BroadcastRate = PositiveNumber(args[i], Value()) },
                "--bound" => settings with { BoundMilliseconds = PositiveNumber(args[i], Value()) },
                "--no-hub" => settings with { SkipHub = true },
                var unknown => throw new ArgumentException($"Unknown option '{unknown}'."),
            };
        }
        return settings with { Servers = servers };
    }

    private static BenchSettings AddServer(BenchSettings settings, Dictionary<string, Uri> servers, string value)
    {
        var parts = value.Split('=', 2);
        if (parts.Length != 2 || parts[0] is not ("02" or "03" or "05") || !Uri.TryCreate(parts[1], UriKind.Absolute, out var url)
            || url.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"--server takes STEP=URL, with STEP 02, 03 or 05 and an http:// URL: '{value}' is not one.");
        }
        servers[parts[0]] = url;
        return settings;
    }

    private static int Positive(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{option} takes a whole number above 0, not '{value}'.");

    private static double PositiveNumber(string option, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0 && double.IsFinite(number)
            ? number
            : throw new ArgumentException($"{option} takes a number above 0, not '{value}'.");
}
