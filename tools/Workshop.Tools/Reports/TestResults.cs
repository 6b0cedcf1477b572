using System.Xml.Linq;

namespace Workshop.Tools.Reports;

/// <summary>One test's outcome, read from a TRX file that a test run wrote with <c>--report-xunit-trx</c>.</summary>
public sealed record TestOutcome(string Module, string Name, string Outcome)
{
    public bool Passed => Outcome == "Passed";
    public bool Failed => Outcome is "Failed" or "Error" or "Timeout" or "Aborted";
}

public static class TestResults
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Every test outcome in every <c>*.trx</c> below <paramref name="folder"/>.</summary>
    public static IReadOnlyList<TestOutcome> Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        return Directory.EnumerateFiles(folder, "*.trx", SearchOption.AllDirectories)
            .SelectMany(ReadFile)
            .ToList();
    }

    private static IEnumerable<TestOutcome> ReadFile(string path)
    {
        var run = XDocument.Load(path).Root!;
        // The test module (the test project's assembly) is where each test is stored.
        var modules = run.Descendants(Trx + "UnitTest").ToDictionary(
            test => (string)test.Attribute("id")!,
            test => Path.GetFileNameWithoutExtension((string?)test.Attribute("storage") ?? "unknown"));
        return run.Descendants(Trx + "UnitTestResult").Select(result => new TestOutcome(
            modules.GetValueOrDefault((string)result.Attribute("testId")!, "unknown"),
            (string)result.Attribute("testName")!,
            (string?)result.Attribute("outcome") ?? "Unknown"));
    }
}
