using System.Globalization;
using System.Xml.Linq;

namespace Workshop.Tools.Reports;

/// <summary>
/// One test's outcome, read from the xUnit.net XML report that a test run writes with <c>--report-xunit-xml</c>.
/// That report keeps what the lesson needs: each test's traits (the TODOs it declares) and its failure message.
/// </summary>
/// <param name="Module">The test project, such as <c>01-http-basics.Tests</c>.</param>
/// <param name="Name">The display name, with a theory's arguments.</param>
/// <param name="Method">The test method's name alone: what a step's README lists.</param>
/// <param name="Outcome">Pass, Fail, Skip or NotRun.</param>
/// <param name="Message">The failure message; empty when the test did not fail.</param>
/// <param name="Todos">The TODOs the test declares (<c>[Todo(...)]</c>), in lesson order.</param>
/// <param name="Given">Why the starter already meets this test (<c>[Given(...)]</c>); null for a goal.</param>
public sealed record TestOutcome(
    string Module,
    string Name,
    string Method,
    string Outcome,
    string Message,
    IReadOnlyList<int> Todos,
    string? Given)
{
    public bool Passed => Outcome == "Pass";
    public bool Failed => Outcome == "Fail";

    /// <summary>A goal belongs to the last TODO it needs: it turns green when that one is done.</summary>
    public int? Goal => Todos.Count > 0 ? Todos[^1] : null;
}

public static class TestResults
{
    /// <summary>The trait names written by the attributes in tests/Workshop.Testing/Goals.</summary>
    private const string TodoTrait = Workshop.Testing.Goals.Traits.Todo;
    private const string GivenTrait = Workshop.Testing.Goals.Traits.Given;

    /// <summary>Every test outcome in every <c>*.xunit.xml</c> below <paramref name="folder"/>.</summary>
    public static IReadOnlyList<TestOutcome> Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        return Directory.EnumerateFiles(folder, "*.xunit.xml", SearchOption.AllDirectories)
            .SelectMany(ReadFile)
            .ToList();
    }

    private static IEnumerable<TestOutcome> ReadFile(string path) =>
        XDocument.Load(path).Root!.Elements("assembly").SelectMany(assembly =>
        {
            var module = Path.GetFileNameWithoutExtension((string?)assembly.Attribute("name") ?? "unknown");
            return assembly.Descendants("test").Select(test => Read(module, test));
        });

    private static TestOutcome Read(string module, XElement test)
    {
        var traits = test.Element("traits")?.Elements("trait")
            .Select(trait => (Name: (string?)trait.Attribute("name") ?? "", Value: (string?)trait.Attribute("value") ?? ""))
            .ToList() ?? [];
        var todos = traits.Where(trait => trait.Name == TodoTrait)
            .Select(trait => int.TryParse(trait.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var todo) ? todo : -1)
            .Order()
            .ToList();
        return new TestOutcome(
            module,
            (string?)test.Attribute("name") ?? "",
            (string?)test.Attribute("method") ?? "",
            (string?)test.Attribute("result") ?? "NotRun",
            (string?)test.Element("failure")?.Element("message") ?? "",
            todos,
            traits.Where(trait => trait.Name == GivenTrait).Select(trait => trait.Value).FirstOrDefault());
    }
}
