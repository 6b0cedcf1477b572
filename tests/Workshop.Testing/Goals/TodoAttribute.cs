using Xunit.v3;

namespace Workshop.Testing.Goals;

/// <summary>
/// Declares which TODO of the lesson a test checks: <c>[Todo(3)]</c> on a test method, or on a class whose tests all
/// check the same TODO. A test of the whole program that needs several TODOs working together names them all,
/// <c>[Todo(1, 2, 3, 4, 5)]</c>: it turns green when the last of them is done, and is listed under that one.
/// </summary>
/// <remarks>
/// The declaration is a trait (<see cref="Traits.Todo"/>), so test runners can filter on it
/// (<c>--filter-trait "Todo=3"</c>: every test that needs TODO 3; <c>--filter-trait "Goal=3"</c>: the goals of TODO 3 alone,
/// those listed under it in the lesson) and the reports can check it: on the untouched starter every test must fail
/// with the message of one of its own TODOs, and the step's README must list it under the last of them.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class TodoAttribute : Attribute, ITraitAttribute
{
    public TodoAttribute(int todo, params int[] alsoNeeds)
    {
        Todos = [.. alsoNeeds.Prepend(todo).Distinct().Order()];
    }

    /// <summary>Every TODO the test needs, in lesson order.</summary>
    public IReadOnlyList<int> Todos { get; }

    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() =>
    [
        .. Todos.Select(todo => new KeyValuePair<string, string>(Traits.Todo, todo.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        new(Traits.Goal, Todos[^1].ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
