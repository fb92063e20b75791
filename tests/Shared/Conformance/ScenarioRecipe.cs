using System.Globalization;

namespace Snn.Tests.Shared.Conformance;

/// <summary>Everything that determines a scenario network: <see cref="ConformanceNetworks.Build"/> gives the
/// same network for the same recipe in the test process and on every MPI rank.</summary>
/// <param name="Scenario">"static", "plastic" or "modulated".</param>
/// <param name="Settings">The engine's scenario settings.</param>
/// <param name="Seed">The network's seed and that of its explicit weights and spike trains.</param>
public sealed record ScenarioRecipe(string Scenario, ScenarioSettings Settings, ulong Seed)
{
    /// <summary>The recipe as command-line arguments: scenario, seed, size, duration (ms), inputs, exact sums, weight monitors.</summary>
    public string[] ToArguments() =>
    [
        Scenario, Seed.ToString(CultureInfo.InvariantCulture), Settings.Size.ToString(CultureInfo.InvariantCulture),
        Settings.DurationMs.ToString("R", CultureInfo.InvariantCulture), ((int)Settings.Inputs).ToString(CultureInfo.InvariantCulture),
        Settings.ExactSums.ToString(), Settings.WeightMonitors.ToString(),
    ];

    /// <summary>Reads the recipe <see cref="ToArguments"/> wrote.</summary>
    public static ScenarioRecipe Parse(ReadOnlySpan<string> arguments)
    {
        if (arguments.Length != 7)
        {
            throw new ArgumentException($"A scenario recipe is 7 arguments, not {arguments.Length}.", nameof(arguments));
        }
        var settings = new ScenarioSettings(int.Parse(arguments[2], CultureInfo.InvariantCulture), double.Parse(arguments[3], CultureInfo.InvariantCulture),
            (EngineInputs)int.Parse(arguments[4], CultureInfo.InvariantCulture), bool.Parse(arguments[5]), bool.Parse(arguments[6]));
        return new ScenarioRecipe(arguments[0], settings, ulong.Parse(arguments[1], CultureInfo.InvariantCulture));
    }
}
