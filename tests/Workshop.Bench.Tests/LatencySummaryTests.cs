using FluentAssertions;
using Xunit;
using Workshop.Bench.Measuring;

namespace Workshop.Bench.Tests;

public class LatencySummaryTests
{
    [Fact]
    public void Percentiles_of_one_to_a_hundred_are_the_nearest_ranks()
    {
        var summary = LatencySummary.Of([.. Enumerable.Range(1, 100).Select(v => (double)v).Reverse()]);

        summary.Count.Should().Be(100);
        summary.P50.Should().Be(50, "by nearest rank, p50 of 1..100 is the 50th smallest value");
        summary.P95.Should().Be(95, "by nearest rank, p95 of 1..100 is the 95th smallest value");
        summary.P99.Should().Be(99, "by nearest rank, p99 of 1..100 is the 99th smallest value");
        summary.Max.Should().Be(100);
    }

    [Fact]
    public void Every_whole_percentile_of_one_to_a_hundred_is_that_value()
    {
        double[] sorted = [.. Enumerable.Range(1, 100).Select(v => (double)v)];

        var wrong = Enumerable.Range(1, 100).Where(p => LatencySummary.Percentile(sorted, p) != p).ToList();

        wrong.Should().BeEmpty("the p-th percentile of 1..100 by nearest rank is p itself, with no rounding error in the rank");
    }

    [Fact]
    public void The_99_9th_percentile_of_a_thousand_values_is_not_the_maximum()
    {
        double[] sorted = [.. Enumerable.Range(1, 1000).Select(v => (double)v)];

        LatencySummary.Percentile(sorted, 99.9).Should().Be(999, "by nearest rank, p99.9 of 1..1000 is the 999th value; the slowest is the max");
    }

    [Fact]
    public void The_percentiles_of_one_value_are_that_value()
    {
        var summary = LatencySummary.Of([7.5]);

        summary.Should().Be(new LatencySummary(1, 7.5, 7.5, 7.5, 7.5), "a single latency is every percentile of itself");
    }

    [Fact]
    public void No_latencies_give_a_count_of_zero_and_no_figures()
    {
        var summary = LatencySummary.Of([]);

        summary.Count.Should().Be(0);
        double.IsNaN(summary.P50).Should().BeTrue("there is no median of nothing");
        double.IsNaN(summary.Max).Should().BeTrue("there is no maximum of nothing");
    }

    [Fact]
    public void Nearest_rank_never_interpolates()
    {
        var summary = LatencySummary.Of([10, 20, 30, 40]);

        summary.P50.Should().Be(20, "the 50th percentile of four values is the second, not the mean of the middle two");
        summary.P95.Should().Be(40, "ceil(0.95 x 4) is the fourth value");
    }
}
