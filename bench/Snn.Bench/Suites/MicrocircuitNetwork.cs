using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Inputs;
using Snn.Core.Models;
using P = Snn.Bench.Suites.MicrocircuitParameters;

namespace Snn.Bench.Suites;

/// <summary>
/// Builds the Potjans &amp; Diesmann 2014 microcircuit as the reference repository does: each
/// projection has a fixed total number of synapses (multapses and autapses allowed), weights normal
/// around the PSC of a 0.15 mV PSP (CV 0.1; L4E→L23E doubled; inhibitory ×g), delays normal
/// (1.5 ms E, 0.75 ms I, CV 0.5) cut at dt, background as Poisson input (K_ext × 8 Hz) or the
/// equivalent DC, population-specific initial potentials. <c>nScale</c> scales the neuron counts
/// (in-degrees unchanged); <c>kScale</c> scales the in-degrees, with weights ×1/√kScale and the
/// reference's DC compensation of the missing mean input.
/// </summary>
public static class MicrocircuitNetwork
{
    /// <summary>How the background input is given.</summary>
    public enum Background
    {
        /// <summary>Independent Poisson input (the reference's default).</summary>
        Poisson,

        /// <summary>The equivalent constant current.</summary>
        Dc,
    }

    /// <summary>The population sizes at scale <paramref name="nScale"/>.</summary>
    public static int[] Sizes(double nScale) => P.FullSizes.Select(n => Math.Max(1, (int)Math.Round(n * nScale))).ToArray();

    /// <summary>The number of synapses of projection source → target at the given scales.</summary>
    public static long SynapseCount(int target, int source, double nScale, double kScale)
        => (long)Math.Round(P.FullSynapseCount(target, source) * nScale * kScale);

    /// <summary>The neuron model of every population.</summary>
    public static LifCurrent Neuron => new()
    {
        CM = P.CM, TauM = P.TauM, RefractoryPeriod = P.RefractoryPeriod, EL = P.EL, VThreshold = P.VThreshold,
        VReset = P.VReset, TauSynE = P.TauSyn, TauSynI = P.TauSyn,
    };

    /// <summary>Neurons of the full-scale model.</summary>
    public static int FullSize => P.FullSizes.Sum();

    /// <summary>
    /// The in-degree scale the suite uses when none is given: 1 at full scale, 0.5 below it. Measured
    /// at 10 % of the neurons (3-5 s, seeds 42, 1, 7): full in-degrees make L2/3 and L5E fire 20-65 %
    /// too fast (ten times more shared input per neuron pair), in-degrees × 0.1 with the reference's
    /// compensation make every population 10-48 % too slow (3.2× larger PSPs at the same mean and
    /// variance), and × 0.5 keeps all eight populations within 18 % of the full-scale rates.
    /// </summary>
    public static double DefaultInDegreeScale(double nScale) => nScale >= 1 ? 1 : 0.5;

    /// <summary>Builds the network with about <paramref name="size"/> neurons (neuron scale size / 77 169,
    /// in-degrees scaled by <see cref="DefaultInDegreeScale"/>) and Poisson background, for the benchmark suite.</summary>
    public static BuiltNetwork BuildForSize(int size, ulong seed)
    {
        double nScale = NeuronScale(size);
        return Build(nScale, DefaultInDegreeScale(nScale), Background.Poisson, seed);
    }

    /// <summary>Builds the network with about <paramref name="size"/> neurons, in-degrees scaled by
    /// <paramref name="kScale"/> (in (0, 1], with the reference's compensation) and Poisson background.</summary>
    public static BuiltNetwork BuildForSize(int size, ulong seed, double kScale)
        => Build(NeuronScale(size), kScale, Background.Poisson, seed);

    private static double NeuronScale(int size) => Math.Min(1.0, size / (double)FullSize);

    /// <summary>Builds the network.</summary>
    public static BuiltNetwork Build(double nScale, double kScale, Background background, ulong seed)
    {
        if (!(nScale > 0 && nScale <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(nScale), nScale, $"nScale = {nScale} must be in (0, 1].");
        }
        if (!(kScale > 0 && kScale <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(kScale), kScale, $"kScale = {kScale} must be in (0, 1].");
        }
        var network = new Network(seed, P.Dt);
        var sizes = Sizes(nScale);
        double psc = P.PscFromPsp(P.PspMean) / Math.Sqrt(kScale);
        var populations = new Population[8];
        for (int i = 0; i < 8; i++)
        {
            populations[i] = network.AddPopulation(P.Names[i], sizes[i], Neuron)
                .WithInitial(StateVariable.V, Dist.Normal(P.InitialVMean[i], P.InitialVSd[i]));
        }
        for (int target = 0; target < 8; target++)
        {
            for (int source = 0; source < 8; source++)
            {
                long count = SynapseCount(target, source, nScale, kScale);
                if (count == 0)
                {
                    continue;
                }
                bool excitatory = source % 2 == 0;
                double mean = excitatory ? psc : P.G * psc;
                if (source == 2 && target == 0)
                {
                    mean *= 2;
                }
                double sd = Math.Abs(mean) * P.WeightRelativeSd;
                double delayMean = excitatory ? P.DelayExcitatory : P.DelayInhibitory;
                var weight = excitatory ? Dist.Normal(mean, sd, min: 0) : Dist.Normal(mean, sd, max: 0);
                var delay = Dist.Normal(delayMean, delayMean * P.DelayRelativeSd, min: P.Dt);
                var synapse = excitatory ? Synapse.Excitatory(weight, delay) : Synapse.Inhibitory(weight, delay);
                network.Connect(populations[source], populations[target], Connectivity.FixedTotalNumber(count, allowAutapses: true), synapse);
            }
        }
        double externalPsc = P.PscFromPsp(P.PspMean) / Math.Sqrt(kScale);
        for (int target = 0; target < 8; target++)
        {
            double dc = CompensationCurrent(target, kScale);
            double externalRate = P.ExternalInDegrees[target] * kScale * P.BackgroundRate;
            if (background == Background.Poisson)
            {
                network.AddPoissonDrive(populations[target], externalRate, externalPsc);
                dc += 0.001 * P.TauSyn * (1 - Math.Sqrt(kScale)) * P.PscFromPsp(P.PspMean) * P.ExternalInDegrees[target] * P.BackgroundRate;
            }
            else
            {
                dc += 0.001 * P.TauSyn * P.PscFromPsp(P.PspMean) * P.ExternalInDegrees[target] * P.BackgroundRate;
            }
            if (dc != 0)
            {
                network.Inject(populations[target], new DcCurrent(dc));
            }
        }
        var built = new BuiltNetwork(network, populations.Select(p => network.RecordSpikes(p)).ToArray());
        return built with { Analyze = simulation => MicrocircuitAnalysis.Analyze(built, simulation, nScale, kScale) };
    }

    /// <summary>The reference's DC (pA) replacing the mean recurrent input lost by in-degree scaling.</summary>
    private static double CompensationCurrent(int target, double kScale)
    {
        if (kScale == 1)
        {
            return 0;
        }
        double psc = P.PscFromPsp(P.PspMean);
        double input = 0;
        for (int source = 0; source < 8; source++)
        {
            double weight = source % 2 == 0 ? psc : P.G * psc;
            if (source == 2 && target == 0)
            {
                weight *= 2;
            }
            double inDegree = P.FullSynapseCount(target, source) / P.FullSizes[target];
            input += weight * inDegree * P.ReferenceRates[source];
        }
        return 0.001 * P.TauSyn * (1 - Math.Sqrt(kScale)) * input;
    }
}
