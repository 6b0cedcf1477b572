using System.Globalization;
using Xunit.v3;

namespace Workshop.Testing.Goals;

/// <summary>
/// How long each goal of a class (or one goal) may take in the learner's <c>./workshop check</c> before it is stopped
/// and fails as hung, when that is shorter than the default 30 s: for goals that take a second when the code is right
/// and wait forever when a thread is blocked, so that a learner hears about a blocked thread in seconds. Give a wide
/// margin over what the goal takes on a busy machine: a correct solution must never be stopped. Only the learner's
/// runner reads it; <c>dotnet test</c> runs the goal unbounded.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class GoalBoundAttribute(int seconds) : Attribute, ITraitAttribute
{
    /// <summary>The bound of each goal, in seconds.</summary>
    public int Seconds { get; } = seconds > 0 ? seconds : throw new ArgumentOutOfRangeException(nameof(seconds), "A bound is at least a second.");

    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(Traits.Bound, Seconds.ToString(CultureInfo.InvariantCulture))];
}
