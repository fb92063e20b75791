using Snn.Core.Distributions;
using Snn.Core.Monitors;

namespace Snn.Core;

/// <summary>
/// A hash of everything that determines a network's behaviour: seed, dt, populations (sizes,
/// model parameters, initial-state distributions, positions), projections (connectivity, weight
/// and delay distributions, receptor, rule parameters), inputs, modulators and monitors. Two
/// networks built by the same code give the same fingerprint; checkpoints use it to refuse a state
/// from a different network.
/// </summary>
public static class NetworkFingerprint
{
    /// <summary>Computes the fingerprint of <paramref name="network"/>.</summary>
    public static ulong Compute(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var hash = new StableHash();
        hash.Add(network.Seed);
        hash.Add(network.Dt);
        foreach (var population in network.Populations)
        {
            hash.Add($"P|{population.Name}|{population.Size}|{population.ModelName}|");
            population.AddParametersTo(ref hash);
            hash.Add(population.Positions);
        }
        foreach (var projection in network.Projections)
        {
            hash.Add($"J|{projection.Name}|{projection.Connectivity}|{projection.Receptor}|");
            Add(ref hash, projection.Synapse.Weight);
            if (projection.Synapse.Delay is { } delay)
            {
                Add(ref hash, delay);
            }
            if (projection.Plasticity is { } plasticity)
            {
                hash.Add($"R|{plasticity.Rule.RuleName}|{plasticity.Modulator?.Name}|");
                plasticity.AddParametersTo(ref hash);
            }
            if (projection.ShortTerm is { } shortTerm)
            {
                hash.Add($"S|{shortTerm.U:R}|{shortTerm.TauRec:R}|{shortTerm.TauFac:R}|{shortTerm.ResetIntervalMs:R}|");
            }
        }
        foreach (var injection in network.Injections)
        {
            hash.Add($"I|{injection.Target.Name}|{injection.Source.GetType().Name}|{injection.Neurons.Count}|");
        }
        foreach (var drive in network.PoissonDrives)
        {
            hash.Add($"Q|{drive.Target.Name}|{drive.RateHz:R}|{drive.Weight:R}|{drive.Receptor}|");
        }
        foreach (var modulator in network.Modulators)
        {
            hash.Add($"D|{modulator.Name}|{modulator.TauMs:R}|{modulator.Baseline:R}|{modulator.Source?.Name}|{modulator.GainPerSpike:R}|");
        }
        foreach (var monitor in network.Monitors)
        {
            string variable = monitor is StateMonitor state ? $"{state.Variable}:{state.IntervalSteps}" : "";
            hash.Add($"M|{monitor.GetType().Name}|{monitor.Population.Name}|{monitor.Neurons.Count}|{variable}|");
        }
        foreach (var monitor in network.WeightMonitors)
        {
            hash.Add($"W|{monitor.Projection.Name}|{monitor.IntervalSteps}|");
        }
        return hash.Value;
    }

    private static void Add(ref StableHash hash, Dist distribution)
    {
        hash.Add(distribution.ToString() ?? "");
        if (distribution is ExplicitValues values)
        {
            hash.Add(values.Values);
        }
    }
}
