namespace Workshop.Tools.Learner;

/// <summary>Which hint a learner sees next: the hints of a TODO one at a time, from the first, then over again.</summary>
public static class Hints
{
    /// <summary>
    /// The next hint of <paramref name="todo"/> after the one shown last (<paramref name="last"/>), or null when the
    /// TODO has no hints. A different TODO, or no hint shown yet, starts at its first hint.
    /// </summary>
    public static (int Index, int Count, string Text)? Next(IReadOnlyDictionary<int, IReadOnlyList<string>> hints, int todo, (int Todo, int Index)? last)
    {
        if (!hints.TryGetValue(todo, out var list) || list.Count == 0)
        {
            return null;
        }
        var index = last is { } shown && shown.Todo == todo ? (shown.Index + 1) % list.Count : 0;
        return (index, list.Count, list[index]);
    }

    /// <summary>The TODOs of a step that have no hint in its README: those its solution marks and those its tests declare.</summary>
    public static IReadOnlyList<int> Missing(IEnumerable<int> todos, IReadOnlyDictionary<int, IReadOnlyList<string>> hints) =>
        todos.Distinct().Order().Where(todo => !hints.TryGetValue(todo, out var list) || list.Count == 0).ToList();
}
