using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Inputs;
using Snn.Core.Models;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Cpu;

/// <summary>Spike events of a plastic projection receive its modulator's value as it stood at the
/// start of their step: after every earlier step's update and the value set from user code, before
/// the spikes of the step itself count.</summary>
[Collection(MultithreadedCollection.Name)]
public class ModulatedEventTests
{
    private const double SetValue = 100;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ArrivalsAndPostSpikesSeeTheModulatorOfTheStepStart(int threads)
    {
        var network = new Network(3, dt: 1);
        var driver = network.AddSpikeSource("driver", [Enumerable.Range(1, 30).Select(t => (double)t).ToArray()]);
        var pre = network.AddSpikeSource("pre", [[6.0]]);
        var target = network.AddPopulation("target", 1, new LifCurrent());
        network.Inject(target, new DcCurrent(1000));
        var count = network.AddModulator("count", tauMs: 1e12, baseline: 0, source: driver, gainPerSpike: 1);
        var arrival = network.Connect(pre, target, Connectivity.OneToOne(), Synapse.Excitatory(Dist.Constant(1), 1.0))
            .WithPlasticity(new ModulatorRecorder { AtPostSpike = false }, count);
        var post = network.Connect(pre, target, Connectivity.OneToOne(), Synapse.Excitatory(Dist.Constant(1), 1.0))
            .WithPlasticity(new ModulatorRecorder { AtPostSpike = true }, count);
        var spikes = network.RecordSpikes(target);
        using var simulation = SimulationHelpers.Compile(network, threads);
        simulation.SetModulator(count, SetValue);
        simulation.Run(30);

        // The driver fires in every step 0..29 and "pre" in step 5 (arrival in step 6).
        Assert.Equal(SetValue + 6, simulation.GetWeights(arrival)[0]);
        var postSteps = simulation.GetSpikes(spikes).Steps;
        Assert.NotEmpty(postSteps);
        long lastPostStep = postSteps[^1] - 1;
        float recorded = simulation.GetWeights(post)[0];
        Assert.Equal(lastPostStep, (long)Math.Floor(recorded / ModulatorRecorder.StepScale));
        Assert.Equal(SetValue + lastPostStep, recorded - ModulatorRecorder.StepScale * lastPostStep);
        Assert.Equal(SetValue + 30, simulation.GetModulator(count));
    }

    /// <summary>Writes the modulator an event receives into the weight: at arrivals the value itself,
    /// at post spikes step·<see cref="StepScale"/> + value.</summary>
    private struct ModulatorRecorder : IPlasticityRule<ModulatorRecorder>
    {
        public const float StepScale = 1000;

        public bool AtPostSpike { get; init; }

        public readonly string RuleName => "modulator-recorder";

        public readonly double PeriodMs => 0;

        public readonly void Validate()
        {
        }

        public readonly ModulatorRecorder Prepare(double dt) => this;

        public readonly void OnPreArrival(ref SynapseState synapse, in PostState post, float modulator, long step)
        {
            if (!AtPostSpike)
            {
                synapse.Weight = modulator;
            }
        }

        public readonly void OnPostSpike(ref SynapseState synapse, in PostState post, float modulator, long step)
        {
            if (AtPostSpike)
            {
                synapse.Weight = step * StepScale + modulator;
            }
        }

        public readonly void AfterPostSpike(ref PostState post, long step)
        {
        }

        public readonly void OnPeriod(ref SynapseState synapse, in PostState post, float modulator, long step)
        {
        }
    }
}
