using Snn.Backends.Cpu;
using Snn.Backends.Gpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Inputs;
using Snn.Core.Models;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;
using Snn.Learning.Reservoir;

namespace Snn.Learning.Tests.Reservoir;

/// <summary>
/// The host engines' event batches of <see cref="AstrocyteStdp"/> (a table of trace decays, one call
/// per target or per step's arrivals) leave every synapse with the bits of one
/// <see cref="AstrocyteStdp.OnPostSpike"/> or <see cref="AstrocyteStdp.OnPreArrival"/> call per synapse, and a plastic network on the CPU engine (which uses the batch) gives the GPU
/// engine's weights and spikes (which calls the rule per synapse).
/// </summary>
public class AstrocyteStdpBatchTests
{
    public static TheoryData<PresynapticType, int> Forms => new()
    {
        { PresynapticType.Excitatory, 20 },
        { PresynapticType.Excitatory, 250 },
        { PresynapticType.Excitatory, 0 },
        { PresynapticType.Inhibitory, 20 },
        { PresynapticType.Inhibitory, 0 },
    };

    /// <summary>The rule (η₊ decaying, bounds that both signs of change reach) prepared for dt = 1 ms, and its batch.</summary>
    private static (AstrocyteStdp Rule, ISpikeEventBatch Batch) Prepared(PresynapticType presynaptic, int windowSteps)
    {
        var rule = new AstrocyteStdp
        {
            Presynaptic = presynaptic,
            PotentiationDecayPerMs = 0.99,
            WMin = presynaptic == PresynapticType.Inhibitory ? -3 : -1,
            WMax = presynaptic == PresynapticType.Inhibitory ? 0 : 3,
            WindowSteps = windowSteps,
        }.Prepare(1);
        return (rule, ((IBatchedEventRule)rule).CreateEventBatch());
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void PostSpikeBatchLeavesTheBitsOfOneCallPerSynapse(PresynapticType presynaptic, int windowSteps)
    {
        var (rule, batch) = Prepared(presynaptic, windowSteps);
        var random = new Random(11);
        int checkedDecays = 0;
        int changed = 0;
        foreach (long step in new long[] { 0, 7, 19, 20, 263, 1499, 5000, 123_456 })
        {
            var states = new SynapseState[400];
            for (int k = 0; k < states.Length; k++)
            {
                long lastStep = random.Next(6) switch
                {
                    0 => -1,
                    1 => step - random.Next(3000),
                    _ => step - random.Next(Math.Max(1, windowSteps == 0 ? 1500 : windowSteps)),
                };
                states[k] = new SynapseState { Weight = (float)(random.NextDouble() * 4.2 - 3.1), Pre1 = (float)(random.NextDouble() * 0.5), LastStep = Math.Max(-1, lastStep) };
                checkedDecays += states[k].LastStep >= 0 ? 1 : 0;
            }
            var post = new PostState { Post1 = 0.3f, LastStep = step - 2 };
            float modulator = (float)random.NextDouble();
            var expected = (SynapseState[])states.Clone();
            var before = (SynapseState[])states.Clone();
            for (int k = 0; k < expected.Length; k++)
            {
                rule.OnPostSpike(ref expected[k], post, modulator, step);
            }
            var shuffled = (SynapseState[])states.Clone();
            var order = Enumerable.Range(0, states.Length).OrderBy(_ => random.Next()).ToArray();
            var incoming = new int[states.Length];
            for (int k = 0; k < order.Length; k++)
            {
                shuffled[order[k]] = states[k];
                incoming[k] = order[k];
            }
            batch.OnPostSpike(shuffled, incoming, post, modulator, step);
            for (int k = 0; k < order.Length; k++)
            {
                states[k] = shuffled[order[k]];
            }
            for (int k = 0; k < states.Length; k++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(expected[k].Weight), BitConverter.SingleToInt32Bits(states[k].Weight));
                Assert.Equal(expected[k].Pre1, states[k].Pre1);
                Assert.Equal(expected[k].LastStep, states[k].LastStep);
            }
            changed += states.Where((synapse, k) => synapse.Weight != before[k].Weight).Count();
        }
        Assert.True(checkedDecays > 1000, $"only {checkedDecays} synapses had a trace");
        Assert.True(changed > 500, $"only {changed} weights changed");
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void ArrivalBatchLeavesTheBitsOfOneCallPerSynapse(PresynapticType presynaptic, int windowSteps)
    {
        var (rule, batch) = Prepared(presynaptic, windowSteps);
        var random = new Random(12);
        int changed = 0;
        foreach (long step in new long[] { 0, 7, 20, 21, 263, 500, 1499, 5000, 123_456 })
        {
            long LastStep() => Math.Max(-1, random.Next(5) switch
            {
                0 => -1,
                1 => step - random.Next(3000),
                _ => step - random.Next(Math.Max(1, windowSteps == 0 ? 1500 : windowSteps)),
            });
            var post = Enumerable.Range(0, 40).Select(_ => new PostState { Post1 = (float)random.NextDouble(), LastStep = LastStep() }).ToArray();
            var states = Enumerable.Range(0, 400).Select(_ => new SynapseState
            {
                Weight = (float)(random.NextDouble() * 4.2 - 3.1), Pre1 = (float)(random.NextDouble() * 0.5), LastStep = Math.Min(step - 1, LastStep()),
            }).ToArray();
            var targetOf = Enumerable.Range(0, states.Length).Select(_ => random.Next(post.Length)).ToArray();
            var positions = Enumerable.Range(0, states.Length).Where(_ => random.Next(3) > 0).OrderBy(_ => random.Next()).ToArray();
            float modulator = (float)random.NextDouble();
            var expected = (SynapseState[])states.Clone();
            foreach (int position in positions)
            {
                rule.OnPreArrival(ref expected[position], post[targetOf[position]], modulator, step);
            }
            var before = (SynapseState[])states.Clone();
            batch.OnPreArrivals(states, post, positions, targetOf, modulator, step);
            for (int k = 0; k < states.Length; k++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(expected[k].Weight), BitConverter.SingleToInt32Bits(states[k].Weight));
                Assert.Equal(BitConverter.SingleToInt32Bits(expected[k].Pre1), BitConverter.SingleToInt32Bits(states[k].Pre1));
                Assert.Equal(expected[k].LastStep, states[k].LastStep);
            }
            changed += states.Where((synapse, k) => synapse.Weight != before[k].Weight).Count();
        }
        Assert.True(changed > 500, $"only {changed} weights changed");
    }

    [Fact]
    public void PlasticNetworkOnTheCpuEngineGivesTheGpuEnginesWeightsAndSpikes()
    {
        var (network, plastic, spikes) = Build();
        using var cpu = new CpuBackend(new CpuBackendOptions { Threads = 2 }).Compile(network);
        using var gpu = new GpuBackend(new GpuBackendOptions { Accelerator = GpuAccelerator.Cpu }).Compile(network);
        cpu.Run(310);
        gpu.Run(310);
        var initial = plastic.Instantiate().Weights;
        var cpuWeights = cpu.GetWeights(plastic);
        Assert.True(cpuWeights.Where((w, k) => w != initial[k]).Count() > cpuWeights.Length / 4, "the rule changed too few weights to compare");
        Assert.Equal(cpuWeights.Select(BitConverter.SingleToInt32Bits), gpu.GetWeights(plastic).Select(BitConverter.SingleToInt32Bits));
        var cpuSpikes = cpu.GetSpikes(spikes);
        var gpuSpikes = gpu.GetSpikes(spikes);
        Assert.True(cpuSpikes.Count > 80, $"only {cpuSpikes.Count} target spikes");
        Assert.Equal(cpuSpikes.Steps.ToArray(), gpuSpikes.Steps.ToArray());
        Assert.Equal(cpuSpikes.Neurons.ToArray(), gpuSpikes.Neurons.ToArray());
    }

    /// <summary>12 replayed sources, each at its own residue of the step modulo 13 (one arrival per target
    /// per step, so no sum depends on the order of the GPU's atomic adds), onto 6 LIF targets driven
    /// to fire by a DC current, through an all-to-all projection under the rule with 40-step windows.</summary>
    private static (Network Network, Projection Plastic, Snn.Core.Monitors.SpikeMonitor Spikes) Build()
    {
        const int sources = 12;
        var network = new Network(5, dt: 1);
        var random = new Random(4);
        var trains = Enumerable.Range(0, sources).Select(i =>
            Enumerable.Range(0, 24).Where(_ => random.Next(10) < 7).Select(m => (double)(i + 1 + m * (sources + 1))).ToArray()).ToArray();
        var input = network.AddSpikeSource("sources", trains);
        var targets = network.AddPopulation("targets", 6, new LifCurrent { TauM = 10, RefractoryPeriod = 2 });
        network.Inject(targets, new DcCurrent(500));
        var signal = network.AddModulator("astrocyte", tauMs: 1e12, baseline: 0.15);
        var plastic = network.Connect(input, targets, Connectivity.AllToAll(), Synapse.Excitatory(Dist.Uniform(0.5, 2.5), 1.0))
            .WithPlasticity(new AstrocyteStdp { Presynaptic = PresynapticType.Excitatory, WMin = 0, WMax = 3, PotentiationDecayPerMs = 0.99, WindowSteps = 40 }, signal);
        return (network, plastic, network.RecordSpikes(targets));
    }
}
