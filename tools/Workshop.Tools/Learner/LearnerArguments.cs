namespace Workshop.Tools.Learner;

/// <summary>A learner's command, parsed: its name, the step it names (as typed), and its flags.</summary>
/// <param name="Again">check: run the goals even when nothing changed since the last run.</param>
/// <param name="All">check, watch: also run the measurements (<c>[Measurement]</c>) that the loop leaves out.</param>
public sealed record LearnerCommand(string Name, string? Step = null, bool Force = false, bool Yes = false, string? Results = null,
    bool Again = false, bool All = false);

/// <summary>
/// The learner's commands and what each takes:
/// <c>status</c> (the default), <c>check NN</c>, <c>watch [NN]</c>, <c>hint NN</c>, <c>diff NN</c>,
/// <c>solution NN [--force]</c>, <c>reset NN [--yes]</c>, <c>verify [--results folder]</c>, <c>help</c>.
/// </summary>
public static class LearnerArguments
{
    public static readonly string[] Commands = ["status", "check", "watch", "hint", "diff", "solution", "reset", "verify", "help"];

    private static readonly string[] NeedStep = ["check", "hint", "diff", "solution", "reset"];
    private static readonly string[] MayTakeStep = ["watch"];

    /// <summary>The maintainers' commands of the same program (Program.cs); every other first word is the learner's.</summary>
    private static readonly string[] MaintainerCommands = ["generate-starters", "check-starters", "report", "find-browser", "mutate", "measure-loop", "wrong-versions"];

    /// <summary>
    /// True when <paramref name="args"/> is for the learner's commands: no arguments at all (<c>status</c>), one of
    /// theirs, or a word that is no maintainer command either, which gets the learner's usage.
    /// </summary>
    public static bool Handles(string[] args) => args.Length == 0 || !MaintainerCommands.Contains(args[0]);

    /// <summary>The command, or null and a sentence that says what is wrong with the arguments.</summary>
    public static LearnerCommand? Parse(string[] args, out string? problem)
    {
        problem = null;
        if (args.Length == 0)
        {
            return new LearnerCommand("status");
        }
        var name = args[0] is "--help" or "-h" ? "help" : args[0];
        if (!Commands.Contains(name))
        {
            problem = $"Unknown command '{args[0]}'. The commands are: {string.Join(", ", Commands)}.";
            return null;
        }
        var force = false;
        var yes = false;
        var again = false;
        var all = false;
        string? results = null;
        var positional = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var argument = args[i];
            switch (argument)
            {
                case "--results" when name == "verify":
                    if (i + 1 >= args.Length)
                    {
                        problem = "'--results' needs a folder: verify --results <folder>";
                        return null;
                    }
                    results = args[++i];
                    break;
                case "--force" when name == "solution":
                    force = true;
                    break;
                case "--yes" or "-y" when name == "reset":
                    yes = true;
                    break;
                case "--again" when name == "check":
                    again = true;
                    break;
                case "--all" when name is "check" or "watch":
                    all = true;
                    break;
                case var option when option.StartsWith('-') && !option.All(c => c == '-' || char.IsAsciiDigit(c)):
                    problem = $"'{name}' does not take the option '{option}'.";
                    return null;
                default:
                    positional.Add(argument);
                    break;
            }
        }
        var takesStep = NeedStep.Contains(name) || MayTakeStep.Contains(name);
        if (positional.Count > (takesStep ? 1 : 0))
        {
            problem = takesStep
                ? $"'{name}' takes one step, such as 01; it was given: {string.Join(" ", positional)}."
                : $"'{name}' takes no step; it was given: {string.Join(" ", positional)}.";
            return null;
        }
        if (NeedStep.Contains(name) && positional.Count == 0)
        {
            problem = $"'{name}' needs a step, such as: {name} 01";
            return null;
        }
        return new LearnerCommand(name, positional.FirstOrDefault(), force, yes, results, again, all);
    }
}
