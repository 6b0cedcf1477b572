using FluentAssertions;
using Workshop.Bench.Comparison;
using Xunit;

namespace Workshop.Bench.Tests;

public sealed class FigureTests
{
    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value()
    {
        Figure.Of([9, 1, 5]).Should().Be(new Figure(5, 1, 9), "5 is in the middle of 1, 5, 9; the spread is 1 to 9");
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Figure.Of([40, 10, 30, 20]).Should().Be(new Figure(25, 10, 40), "the middle two of 10, 20, 30, 40 are 20 and 30");
    }

    [Fact]
    public void One_round_is_its_own_median_and_spread()
    {
        Figure.Of([3.5]).Should().Be(new Figure(3.5, 3.5, 3.5));
    }

    [Fact]
    public void Rounds_that_measured_nothing_are_left_out()
    {
        Figure.Of([double.NaN, 4, double.NaN, 2]).Should().Be(new Figure(3, 2, 4), "a round with no latency must not spoil the others' median");
    }

    [Fact]
    public void No_values_give_no_figure()
    {
        var figure = Figure.Of([double.NaN]);

        double.IsNaN(figure.Median).Should().BeTrue("nothing was measured");
        double.IsNaN(figure.Min).Should().BeTrue();
        double.IsNaN(figure.Max).Should().BeTrue();
    }

    [Fact]
    public void An_optional_figure_is_null_when_no_round_measured_it()
    {
        Figure.OfOptional([null, null]).Should().BeNull("a server given by URL has no CPU figure in any round");
        Figure.OfOptional([null, 2, 6]).Should().Be(new Figure(4, 2, 6), "the rounds that measured it make the figure");
    }
}
