using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using FluentAssertions;
using Workshop.Bench.Approaches;
using Workshop.Bench.Comparison;
using Workshop.Bench.FanOut;
using Workshop.Bench.Measuring;
using Workshop.Bench.Output;
using Xunit;

namespace Workshop.Bench.Tests;

public sealed class OutputTests
{
    private static readonly Machine TestMachine = new("Linux", "X64", 2, "a test processor <with> & angle brackets", 4, ".NET 10", "Debug");

    private static RoundResult RoundOf(double p50, long requests, double? cpu = 12.5)
    {
        double[] latencies = [p50, p50 * 2, p50 * 3];
        return new RoundResult(3, 5, 15, 0, 0, LatencySummary.Of(latencies), RoundResult.PercentilesOf(latencies),
            requests, 2, 0, 4, 1500, 3000, cpu, cpu is null ? null : 50_000_000, 1.5);
    }

    private static ComparisonReport ComparisonOf(params RoundResult[] rounds) => new(
        new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), TestMachine, ComparisonRun.Note,
        new ComparisonSettings(3, 5, 50, rounds.Length, 5),
        [.. Approach.All.Select((approach, index) => new ApproachReport(approach.Key, approach.Label, approach.Step, "a test server",
            [.. rounds.Select(r => r with { Requests = r.Requests + index })]))]);

    private static FanOutReport FanOut() => new(
        new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), TestMachine, FanOutRun.Note,
        new FanOutSettings([100, 500], 20, 10, 1, 250),
        [
            new FanOutServerReport("chat", "05 chat (UseWebSockets)", "a test server",
                [Count(100, 3), Count(500, 40)], "reached the last count, 500"),
            new FanOutServerReport("signalr", "SignalR hub", "a test server",
                [Count(100, 5), Count(500, 300)], "p99 over the bound at 500"),
        ]);

    private static FanOutCount Count(int clients, double p99) =>
        new(clients, 0.5, 0.2, new Figure(p99 / 3, p99 / 4, p99 / 2), new Figure(p99, p99, p99), new Figure(p99 * 2, p99 * 2, p99 * 2),
            new Figure(0, 0, 0), clients * 20L, 3.5, 4.5, 60, 12, 80);

    [Fact]
    public void The_comparison_chart_is_well_formed_svg_with_every_approach()
    {
        var svg = ComparisonChart.Render(ComparisonOf(RoundOf(2, 100), RoundOf(3, 110)));

        var document = XDocument.Parse(svg);
        document.Root!.Name.LocalName.Should().Be("svg");
        var texts = document.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        foreach (var approach in Approach.All)
        {
            texts.Should().Contain(approach.Label, $"the chart has a row labelled for {approach.Key}");
        }
        texts.Should().Contain(t => t.Contains("<with> & angle brackets"), "text is escaped, so the machine's name survives as it is");
    }

    [Fact]
    public void The_comparison_chart_is_well_formed_when_nothing_was_delivered()
    {
        var nothing = new RoundResult(3, 5, 0, 15, 0, LatencySummary.Of([]), [], 20, 20, 0, 3, 100, 200, null, null, 10);

        var svg = ComparisonChart.Render(ComparisonOf(nothing));

        var parsing = () => XDocument.Parse(svg);
        parsing.Should().NotThrow("a round that lost everything still gets a chart");
    }

    [Fact]
    public void The_fan_out_chart_is_well_formed_svg_with_every_server()
    {
        var svg = FanOutChart.Render(FanOut());

        var document = XDocument.Parse(svg);
        var texts = string.Join('\n', document.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        texts.Should().Contain("05 chat (UseWebSockets)").And.Contain("SignalR hub", "each server has its line in the legend");
    }

    [Fact]
    public void The_charts_and_the_table_write_numbers_the_same_in_every_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var comparison = ComparisonOf(RoundOf(2, 100)) with { Settings = new ComparisonSettings(3, 5, 2.5, 1, 5), Machine = TestMachine with { MemoryGiB = 3.5 } };
            var fanOut = FanOut() with { Settings = new FanOutSettings([100, 5000], 20, 2.5, 1, 250), Machine = TestMachine with { MemoryGiB = 3.5 } };

            string[] outputs = [ComparisonChart.Render(comparison), ComparisonTable.Render(comparison), FanOutChart.Render(fanOut), FanOutTable.Render(fanOut)];

            outputs.Should().OnlyContain(output => output.Contains("3.5 GiB"), "the machine's memory is written with a decimal point, as every other figure");
            outputs[0].Should().Contain("at 2.5/s", "the rate in the title is written as the table writes it");
            outputs[2].Should().Contain("2.5 broadcasts a second").And.Contain("3.5 µs CPU per delivery at 500", "the legend's figures are written as the table writes them");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void The_comparison_table_has_one_row_per_approach()
    {
        var table = ComparisonTable.Render(ComparisonOf(RoundOf(2, 100)));

        var rows = table.Split('\n').Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| approach", StringComparison.Ordinal)).ToList();
        rows.Should().HaveCount(Approach.All.Count, "each approach is one row under the header");
        foreach (var approach in Approach.All)
        {
            rows.Should().ContainSingle(row => row.StartsWith($"| {approach.Label} |", StringComparison.Ordinal), $"{approach.Label} has its row");
        }
        rows.Should().OnlyContain(row => row.Split('|').Length == 15, "each row has the header's 13 columns");
    }

    [Fact]
    public void The_table_says_not_measured_for_a_server_given_by_url()
    {
        var table = ComparisonTable.Render(ComparisonOf(RoundOf(2, 100, cpu: null)));

        table.Should().Contain("not measured", "a server the benchmark did not start has no CPU or memory figure");
    }

    [Fact]
    public void The_json_of_a_comparison_reads_back_as_the_same_report()
    {
        var report = ComparisonOf(RoundOf(2, 100), RoundOf(4, 120, cpu: null));

        var json = JsonOutput.Serialize(report);
        var back = JsonOutput.Deserialize<ComparisonReport>(json);

        back.Should().BeEquivalentTo(report, "the JSON holds every figure of every round");
    }

    [Fact]
    public void The_json_has_the_figures_a_reader_looks_for()
    {
        var json = JsonOutput.Serialize(ComparisonOf(RoundOf(2, 100)));

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        root.GetProperty("machine").GetProperty("cores").GetInt32().Should().Be(2);
        root.GetProperty("settings").GetProperty("subscribers").GetInt32().Should().Be(3);
        var approaches = root.GetProperty("approaches");
        approaches.GetArrayLength().Should().Be(Approach.All.Count);
        var first = approaches[0];
        first.GetProperty("key").GetString().Should().Be(Approach.All[0].Key);
        first.GetProperty("p50").GetProperty("median").GetDouble().Should().Be(4, "the median of one round is that round's p50, 4 ms of 2, 4 and 6 ms");
        first.GetProperty("requestsPerDelivery").GetProperty("median").GetDouble().Should().BeApproximately(100.0 / 15, 1e-9);
        first.GetProperty("rounds")[0].GetProperty("bytesSent").GetInt64().Should().Be(1500);
        first.GetProperty("latencyPercentiles").GetArrayLength().Should().Be(RoundResult.PercentilePoints.Count);
    }

    [Fact]
    public void A_report_with_figures_that_could_not_be_measured_still_serializes()
    {
        var nothing = new RoundResult(3, 5, 0, 15, 0, LatencySummary.Of([]), [], 20, 20, 0, 3, 100, 200, null, null, 10);
        var report = ComparisonOf(nothing);

        var json = JsonOutput.Serialize(report);

        using var document = JsonDocument.Parse(json);
        var first = document.RootElement.GetProperty("approaches")[0];
        first.GetProperty("p50").GetProperty("median").GetString().Should().Be("NaN", "a latency of no delivery is not a number, and says so");
        first.GetProperty("serverCpuMilliseconds").ValueKind.Should().Be(JsonValueKind.Null, "a figure that was not measured is null");
        JsonOutput.Deserialize<ComparisonReport>(json).Should().BeEquivalentTo(report, "NaN reads back as NaN");
    }

    [Fact]
    public void The_json_of_a_fan_out_reads_back_as_the_same_report()
    {
        var report = FanOut();

        var back = JsonOutput.Deserialize<FanOutReport>(JsonOutput.Serialize(report));

        back.Should().BeEquivalentTo(report);
    }
}
