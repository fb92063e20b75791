using Snn.Bench.Suites;

namespace Snn.Bench.Studies;

/// <summary>
/// A named study: a run that is not "simulate network X for T ms" (a bias sweep, a comparison of
/// two engines, an export round trip). <c>snn-bench list</c> shows it in a table of its own and
/// <c>snn-bench run</c> runs it by name, alone or among suites; its metrics and findings go into
/// <c>results.json</c> and its plots (and other files) into the output folder.
/// </summary>
public sealed class BenchmarkStudy
{
    private readonly Func<StudyContext, SuiteAnalysis> _run;
    private readonly Func<StudyContext, string?>? _checkInputs;

    /// <summary>Creates a study.</summary>
    /// <param name="name">The name used on the command line (lower case, no spaces).</param>
    /// <param name="description">One line: what it measures and its source.</param>
    /// <param name="run">Runs the study and returns its metrics, findings and file writer.</param>
    /// <param name="checkInputs">Says why the study cannot run (a data set it needs is missing), or
    /// returns null; checked before anything runs. Null: it always can.</param>
    public BenchmarkStudy(string name, string description, Func<StudyContext, SuiteAnalysis> run, Func<StudyContext, string?>? checkInputs = null)
    {
        _checkInputs = checkInputs;
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(run);
        Name = name;
        Description = description;
        _run = run;
    }

    /// <summary>The name used on the command line.</summary>
    public string Name { get; }

    /// <summary>One line: what it measures and its source.</summary>
    public string Description { get; }

    /// <summary>Runs the study.</summary>
    public SuiteAnalysis Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _run(context);
    }

    /// <summary>Why the study cannot run with <paramref name="context"/> (for example a missing data
    /// set, with where to get it), or null when it can.</summary>
    public string? CheckInputs(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _checkInputs?.Invoke(context);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
