using Xunit.Sdk;
using Xunit.v3;

namespace Workshop.Testing;

/// <summary>
/// Starts the browser goals' test classes (those in a <c>Browser</c> namespace) before the others. Test classes run in
/// parallel, one per core, and the browser classes are a step's longest: started last, as xUnit's default order may
/// start them, they run alone at the end while the other core sits idle. Started first, the short classes fill the
/// other core beside them, and a step's run ends seconds sooner. Every step's test project uses it (see
/// Directory.Build.props).
/// </summary>
public sealed class BrowserGoalsFirst : ITestCollectionOrderer
{
    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        [.. DefaultTestCollectionOrderer.Instance.OrderTestCollections(testCollections).OrderBy(collection => IsBrowser(collection) ? 0 : 1)];

    // A class's own collection is named "Test collection for Namespace.Class (id: ...)".
    private static bool IsBrowser(ITestCollection collection) =>
        collection.TestCollectionDisplayName.Contains(".Browser.", StringComparison.Ordinal);
}
