using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace Workshop.Testing;

/// <summary>
/// Starts the test classes marked <see cref="RunsLongAttribute"/> first, the longest first, then the others in xUnit's
/// own order. Test classes run in parallel, one per core; a step's run ends when its longest chain does, and a long
/// class started last, as xUnit's default order may start it, runs alone at the end while the other core sits idle.
/// Every step's test project uses it (see Directory.Build.props).
/// </summary>
public sealed class LongestGoalsFirst : ITestCollectionOrderer
{
    private const string ClassCollectionPrefix = "Test collection for ";

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        [.. DefaultTestCollectionOrderer.Instance.OrderTestCollections(testCollections).OrderByDescending(collection => EstimatedSeconds(collection))];

    /// <summary>The <see cref="RunsLongAttribute"/> estimate of a class's own collection; 0 for anything else.</summary>
    private static double EstimatedSeconds(ITestCollection collection)
    {
        // A class's own collection is named "Test collection for Namespace.Class (id: ...)".
        var name = collection.TestCollectionDisplayName;
        if (collection is not IXunitTestCollection xunitCollection || !name.StartsWith(ClassCollectionPrefix, StringComparison.Ordinal))
        {
            return 0;
        }
        var className = name[ClassCollectionPrefix.Length..].Split(" (id: ", 2)[0];
        return xunitCollection.TestAssembly.Assembly.GetType(className)?.GetCustomAttribute<RunsLongAttribute>()?.Seconds ?? 0;
    }
}
