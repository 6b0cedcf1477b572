namespace Workshop.Bench.Comparison;

/// <summary>One figure over the repeated rounds: its median, and the smallest and largest round's value (the spread).</summary>
public sealed record Figure(double Median, double Min, double Max)
{
    public static Figure Of(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Figure(double.NaN, double.NaN, double.NaN);
        }
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Figure(median, sorted[0], sorted[^1]);
    }

    public static Figure? OfOptional(IEnumerable<double?> values)
    {
        var known = values.Where(v => v.HasValue).Select(v => v!.Value).ToArray();
        return known.Length == 0 ? null : Of(known);
    }
}
