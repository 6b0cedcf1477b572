namespace LongPolling.Tests.Measurements;

/// <summary>
/// Tests that measure the process (its threads, its memory) run alone, after the others, so that no other test's
/// work shows up in their figures.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasurementsCollection
{
    public const string Name = "Measurements";
}
