namespace LongPolling.Tests.Measurements;

/// <summary>
/// Tests that measure the process (its threads, its memory) or keep its processors busy run alone, after the others:
/// no other test's work shows up in their figures, and theirs slows no other test down.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAloneCollection
{
    public const string Name = "Runs alone";
}
