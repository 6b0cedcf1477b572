namespace Workshop.Testing;

/// <summary>
/// Marks a test class whose goals take seconds in all, waiting on a browser, on timers (keep-alive, a long poll's
/// wait) or on a program starting, with about how many <paramref name="seconds"/> on a quiet two-core machine.
/// <see cref="LongestGoalsFirst"/> starts such classes first, the longest first, so that the quick ones fill the other
/// cores beside them instead of a long class running alone at the end. Only the order changes; no goal depends on it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RunsLongAttribute(double seconds) : Attribute
{
    public double Seconds { get; } = seconds;
}
