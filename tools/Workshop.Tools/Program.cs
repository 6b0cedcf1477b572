// Maintainer commands of the workshop. Run from the repository root:
//   dotnet run --project tools/Workshop.Tools -- generate-starters
//   dotnet run --project tools/Workshop.Tools -- check-starters
//   dotnet run --project tools/Workshop.Tools -- report solutions <results folder>
//   dotnet run --project tools/Workshop.Tools -- report exercises <results folder> <test project>...
//   dotnet run --project tools/Workshop.Tools -- find-browser
//   dotnet run --project tools/Workshop.Tools -- mutate 01-http-basics
//   dotnet run --project tools/Workshop.Tools -- measure-loop [NN ...] [--runs 5]
//   dotnet run --project tools/Workshop.Tools -- wrong-versions NN
// and the learner's commands (Learner/), which the wrappers ./workshop, workshop.cmd and workshop.ps1 start:
//   status, check NN, watch [NN], hint NN, diff NN, solution NN, reset NN, and verify for maintainers and CI.
using Workshop.Tools.Browsers;
using Workshop.Tools.Learner;
using Workshop.Tools.Mutation;
using Workshop.Tools.Reports;
using Workshop.Tools.Starters;

var root = FindWorkshopRoot();
if (LearnerArguments.Handles(args))
{
    return await Learner(args);
}
return args switch
{
    ["generate-starters"] => GenerateStarters(),
    ["check-starters"] => CheckStarters(),
    ["report", "solutions", var folder] => TrackReport.Solutions(TestResults.Read(folder), Console.Out) ? 0 : 1,
    ["report", "exercises", var folder, .. var modules] when modules.Length > 0 =>
        TrackReport.Exercises(TestResults.Read(folder), modules, StepReadme, Console.Out) ? 0 : 1,
    ["find-browser"] => await FindBrowser.RunAsync(Console.Out, Console.Error) ? 0 : 1,
    ["mutate", var step, .. var strykerOptions] => await new MutationRun(root, step).RunAsync(strykerOptions, Console.Out),
    ["measure-loop", .. var loopOptions] => await MeasureLoop(loopOptions),
    ["wrong-versions", var stepArgument] => await TryWrongVersions(stepArgument),
    _ => Usage(),
};

async Task<int> MeasureLoop(string[] options)
{
    var runs = 5;
    var steps = new List<string>();
    for (var i = 0; i < options.Length; i++)
    {
        if (options[i] == "--runs" && i + 1 < options.Length && int.TryParse(options[i + 1], out runs) && runs > 0)
        {
            i++;
            continue;
        }
        steps.Add(options[i]);
    }
    return await new LoopTimer(root, Console.Out).RunAsync(steps, runs, CancellationToken.None);
}

async Task<int> TryWrongVersions(string stepArgument)
{
    if (Steps.Find(root, stepArgument, out var problem) is not { } step)
    {
        Console.Error.WriteLine(problem);
        return 2;
    }
    return await new WrongVersions(root, step).RunAsync(Console.Out, CancellationToken.None);
}

async Task<int> Learner(string[] arguments)
{
    var command = LearnerArguments.Parse(arguments, out var problem);
    if (command is null)
    {
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine(LearnerCommands.Usage);
        return 2;
    }
    // Ctrl+C ends a running check or watch cleanly: the test run is stopped and the command says so.
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, press) =>
    {
        press.Cancel = true;
        stop.Cancel();
    };
    try
    {
        return await new LearnerCommands(root, Terminal.Console(), Console.Error).RunAsync(command, stop.Token);
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
        Console.Error.WriteLine("Stopped.");
        return 130;
    }
}

int GenerateStarters()
{
    IReadOnlyList<string> written;
    try
    {
        written = new StarterFolders(root).Generate();
    }
    catch (FormatException malformed)
    {
        return Malformed(malformed);
    }
    foreach (var file in written)
    {
        Console.WriteLine($"wrote {file}");
    }
    Console.WriteLine(written.Count == 0 ? "Every starter already matches its solution." : $"{written.Count} starter file(s) updated.");
    return 0;
}

int CheckStarters()
{
    IReadOnlyList<string> drift;
    try
    {
        drift = new StarterFolders(root).Drift();
    }
    catch (FormatException malformed)
    {
        return Malformed(malformed);
    }
    foreach (var problem in drift)
    {
        Console.WriteLine($"drift: {problem}");
    }
    if (drift.Count > 0)
    {
        Console.WriteLine("Starters and solutions have drifted apart. Edit the solution, then run: dotnet run --project tools/Workshop.Tools -- generate-starters");
        return 1;
    }
    Console.WriteLine("Every starter matches what its solution generates.");
    return 0;
}

// A test module NN-step.Tests belongs to the step NN-step, whose lesson is NN-step/README.md.
string? StepReadme(string module)
{
    var path = Path.Combine(root, module.EndsWith(".Tests", StringComparison.Ordinal) ? module[..^".Tests".Length] : module, "README.md");
    return File.Exists(path) ? File.ReadAllText(path) : null;
}

// A solution file whose regions cannot be cut: nothing is written, and the message says which file and line.
static int Malformed(FormatException problem)
{
    Console.Error.WriteLine($"error: {problem.Message}");
    return 1;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          generate-starters                                 write every NN-step/ from solutions/NN-step/
          check-starters                                    fail when a starter differs from what its solution generates
          report solutions <results folder>                 every test must pass; prints 'N passed, N failed'
          report exercises <results folder> <module>...     every goal of each module must fail on the starters with its own
                                                            TODO's message, and each step's README must list it under that TODO
          find-browser                                      start and close a browser as the browser tests do; fail when none starts
          mutate <step> [stryker option]...                 mutation-test the TODO regions of solutions/<step>/ with its tests;
                                                            reports go to artifacts/mutation/<step>/
          measure-loop [NN ...] [--runs 5]                  time './workshop check NN' on each step solved, in a fresh clone of main:
                                                            nothing changed and after a one-line edit, the median of the runs
          wrong-versions <step>                             put each mistake of tests/<step>.Tests/WrongVersions.json into the
                                                            reference solution in turn; fail when one leaves every goal green
          verify [--results <folder>]                       no drift, every TODO has a hint, starters fail every goal with its own
                                                            TODO's message, solutions pass (what CI checks)
        the learner's commands (./workshop help): status, check, watch, hint, diff, solution, reset
        """);
    return 2;
}

static string FindWorkshopRoot()
{
    for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "Workshop.sln")))
        {
            return folder.FullName;
        }
    }
    throw new InvalidOperationException("Run this from inside the workshop: no Workshop.sln was found in this folder or above it.");
}
