namespace Workshop.Testing.Goals;

/// <summary>The trait names that tie a test to the lesson; the maintainer tools read them from the test results.</summary>
public static class Traits
{
    /// <summary>A TODO the test checks; one trait per TODO (see <see cref="TodoAttribute"/>).</summary>
    public const string Todo = "Todo";

    /// <summary>The test checks behaviour the starter is given (see <see cref="GivenAttribute"/>).</summary>
    public const string Given = "Given";
}
