namespace Workshop.Testing.Goals;

/// <summary>The trait names that tie a test to the lesson; the maintainer tools read them from the test results.</summary>
public static class Traits
{
    /// <summary>A TODO the test checks; one trait per TODO (see <see cref="TodoAttribute"/>).</summary>
    public const string Todo = "Todo";

    /// <summary>The TODO whose goal the test is: the last it needs, under which the lesson lists it (one per test).</summary>
    public const string Goal = "Goal";

    /// <summary>The test checks behaviour the starter is given (see <see cref="GivenAttribute"/>).</summary>
    public const string Given = "Given";

    /// <summary>The test measures rather than teaches (see <see cref="MeasurementAttribute"/>): the learner's check skips it.</summary>
    public const string Measurement = "Measurement";

    /// <summary>The learner's runner stops the test after this many seconds (see <see cref="GoalBoundAttribute"/>).</summary>
    public const string Bound = "Bound";
}
