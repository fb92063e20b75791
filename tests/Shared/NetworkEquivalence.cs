using Snn.Backends.Cpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Inputs;
using Snn.Core.Models;
using Snn.Core.Monitors;
using Xunit;

namespace Snn.Tests.Shared;

/// <summary>
/// A recurrent population of one model (random weights and delays, a Poisson drive, spread-out
/// initial potentials) run by the CPU engine with the scalar update on one thread and with the
/// block update on one, two and three threads: the spikes and the recorded V and SynE must be
/// the same bits. Thread ranges start at arbitrary neurons, so blocks have remainder lanes. An optional
/// current injection into some neurons mixes blocks with and without injected current.
/// </summary>
public static class NetworkEquivalence
{
    /// <summary>The settings of one probe network.</summary>
    /// <param name="Dt">Time step (ms).</param>
    /// <param name="ExcitatoryWeight">Mean excitatory weight (the model's synapse unit).</param>
    /// <param name="InhibitoryWeight">Mean inhibitory weight (the model's synapse unit and sign).</param>
    /// <param name="InitialV">Range of the initial V (mV).</param>
    /// <param name="DriveRateHz">Poisson drive rate per neuron (Hz).</param>
    /// <param name="DriveWeight">Poisson drive weight.</param>
    public sealed record Probe(double Dt, double ExcitatoryWeight, double InhibitoryWeight, (double Low, double High) InitialV, double DriveRateHz, double DriveWeight);

    /// <summary>Runs the probe for <paramref name="durationMs"/> and returns the scalar run's spike count.</summary>
    /// <param name="model">The neuron model (not prepared).</param>
    /// <param name="probe">The probe's settings.</param>
    /// <param name="size">Number of neurons.</param>
    /// <param name="durationMs">Simulated time (ms).</param>
    /// <param name="injection">A current source and the neurons it is injected into, or none.</param>
    public static int Check<TModel>(TModel model, Probe probe, int size = 251, double durationMs = 200, (CurrentSource Source, int[] Neurons)? injection = null)
        where TModel : struct, INeuronModel<TModel>
    {
        var reference = Run(model, probe, size, durationMs, threads: 1, blockUpdate: false, injection);
        foreach (int threads in (ReadOnlySpan<int>)[1, 2, 3])
        {
            var run = Run(model, probe, size, durationMs, threads, blockUpdate: true, injection);
            Assert.Equal(reference.Spikes.Steps, run.Spikes.Steps);
            Assert.Equal(reference.Spikes.Neurons, run.Spikes.Neurons);
            for (int m = 0; m < reference.States.Length; m++)
            {
                Assert.Equal(reference.States[m].Times, run.States[m].Times);
                for (int s = 0; s < reference.States[m].Values.Length; s++)
                {
                    var expected = reference.States[m].Values[s].Select(BitConverter.SingleToInt32Bits);
                    Assert.Equal(expected, run.States[m].Values[s].Select(BitConverter.SingleToInt32Bits));
                }
            }
        }
        return reference.Spikes.Count;
    }

    private static (SpikeRecord Spikes, StateRecord[] States) Run<TModel>(TModel model, Probe probe, int size, double durationMs, int threads, bool blockUpdate,
        (CurrentSource Source, int[] Neurons)? injection)
        where TModel : struct, INeuronModel<TModel>
    {
        var network = new Network(seed: 11, dt: probe.Dt);
        var population = network.AddPopulation("probe", size, model);
        population.WithInitial(StateVariable.V, Dist.Uniform(probe.InitialV.Low, probe.InitialV.High));
        var delays = Dist.Uniform(probe.Dt, 20 * probe.Dt);
        network.Connect(population, population, Connectivity.Probability(0.1),
            Synapse.Excitatory(Dist.Normal(probe.ExcitatoryWeight, Math.Abs(probe.ExcitatoryWeight) / 5), delays));
        network.Connect(population, population, Connectivity.Probability(0.05),
            Synapse.Inhibitory(Dist.Normal(probe.InhibitoryWeight, Math.Abs(probe.InhibitoryWeight) / 5), delays));
        network.AddPoissonDrive(population, probe.DriveRateHz, probe.DriveWeight);
        if (injection is { } injected)
        {
            network.Inject(population, injected.Source, injected.Neurons);
        }
        var spikes = network.RecordSpikes(population);
        var states = new[] { StateVariable.V, StateVariable.SynE }.Select(v => network.RecordState(population, v, intervalMs: 10 * probe.Dt)).ToArray();
        using var simulation = new CpuBackend(new CpuBackendOptions { Threads = threads, UseBlockUpdate = blockUpdate }).Compile(network);
        simulation.Run(durationMs);
        return (simulation.GetSpikes(spikes), states.Select(m => simulation.GetState(m)).ToArray());
    }
}
