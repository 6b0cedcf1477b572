using Xunit.v3;

namespace Workshop.Testing.Goals;

/// <summary>
/// Marks a test that measures the learner's code under load (ten thousand waiting requests, a thousand chat clients)
/// rather than teaching a behaviour: it still declares its TODOs and must pass, and <c>verify</c> and CI run it, but the
/// learner's <c>./workshop check</c> leaves it out (<c>--all</c> runs it), so that the loop answers in seconds.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class MeasurementAttribute : Attribute, ITraitAttribute
{
    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(Traits.Measurement, "true")];
}
