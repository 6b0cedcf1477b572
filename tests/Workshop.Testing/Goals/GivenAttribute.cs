using Xunit.v3;

namespace Workshop.Testing.Goals;

/// <summary>
/// Declares a test of behaviour the starter already has (a later step starts from an earlier one finished):
/// it must pass on the untouched starter, where every other test fails. Keep such tests few; they are not goals.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class GivenAttribute(string why) : Attribute, ITraitAttribute
{
    /// <summary>Where the behaviour comes from, such as "step 02's contract, finished in the starter".</summary>
    public string Why { get; } = why;

    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(Traits.Given, Why)];
}
