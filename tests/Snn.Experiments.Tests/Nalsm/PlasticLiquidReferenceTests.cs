using Snn.Backends.Cpu;
using Snn.Core.Randomness;
using Snn.Experiments.Nalsm;
using Snn.Learning.Reservoir;

namespace Snn.Experiments.Tests.Nalsm;

/// <summary>
/// The plastic liquid (astrocyte-modulated STDP, the authors' last-spike kernel) run through the CPU
/// engine against <see cref="AuthorsPlasticLiquid"/>, an independent float32 transcription of the
/// authors' update loop with its own input layer, on a 100-neuron liquid with 16 inputs. The engine
/// runs the rule on spike events, so it times some of them differently from the authors' per-ms
/// loop; the transcription applies exactly those differences when
/// <see cref="AuthorsPlasticLiquid.EngineTiming"/> is set (each is listed there), and with them the
/// spikes are equal neuron for neuron and the weights agree to float rounding over 400 presentations.
/// Exact weight equality is not possible: the engine decays a trace over k steps as one
/// exp(k·ln d) and the astrocyte in double, where the loop multiplies by d every step in float,
/// and the synaptic inputs are summed in another order; the weights (in [−3, 3]) then differ by a few
/// units in the last place (at most 2.5e-6 here), well inside the 1e-5 allowed, while one spike that
/// came out differently moves weights by 1e-3 or more within a few presentations.
/// </summary>
public class PlasticLiquidReferenceTests
{
    private const float LibraryTraceDecay = 0.90477f;
    private static readonly LiquidOptions Small = LiquidOptions.Liquid100 with { InputCount = 16 };

    private static float[] Probabilities(int seed)
    {
        var rng = new CounterRng((ulong)seed, 1, 0);
        return Enumerable.Range(0, 16).Select(_ => (float)(0.5 * rng.NextDouble())).ToArray();
    }

    /// <summary>The rule's trace decay is the multiplier the authors' code derives for τ = 10 ms (to
    /// the 5 decimals the library keeps); the comparisons below give the transcription the library's
    /// rounded value.</summary>
    [Fact]
    public void TraceDecayIsTheAuthorsGridMultiplier()
    {
        Assert.Equal(AuthorsPlasticLiquid.StdpDecayMultiplier(10), new AstrocyteStdp().TraceDecay, 5);
        Assert.Equal(LibraryTraceDecay, new AstrocyteStdp().TraceDecay, 6);
    }

    [Theory]
    [InlineData(0.99)]
    [InlineData(1.0)]
    public void PresentationSpikesEqualTheTranscription(double decay)
    {
        const int window = 60;
        var topology = LiquidTopology.Build(Small);
        var options = new NalsmOptions
        {
            Liquid = Small, Kernel = SynapticKernel.LastSpike, InitializationSamples = 0, PresentationMs = window, ChunkSamples = 4, Workers = 1,
            PresentationDecayPerMs = decay,
        };
        var inputs = Enumerable.Range(3, 4).Select(Probabilities).ToArray();

        var counts = new LiquidSimulator(topology, options, new CpuBackend(new CpuBackendOptions { Threads = 1 })).Present(inputs, 0).Counts;

        for (int s = 0; s < inputs.Length; s++)
        {
            var reference = new AuthorsPlasticLiquid(topology) { EngineTiming = true, ResetTraces = true, TraceDecay = LibraryTraceDecay, Decay = (float)decay };
            var expected = reference.Present(inputs[s], window, options.Seed, (ulong)s, decays: true);
            Assert.True(expected.Sum() > window, $"sample {s}: the reference liquid fired {expected.Sum()} spikes");
            Assert.True(reference.Weights.Where((w, k) => w != reference.Initial[k]).Count() > reference.Weights.Length / 10, $"sample {s}: STDP hardly changed the weights");
            Assert.Equal(expected, counts[s]);
        }
    }

    [Fact]
    public void InitialisationWeightsEqualTheTranscriptionToFloatRounding()
    {
        const int presentations = 400;
        var topology = LiquidTopology.Build(Small);
        var options = new NalsmOptions
        {
            Liquid = Small, Kernel = SynapticKernel.LastSpike, InitializationSamples = presentations, ChunkSamples = 100, Workers = 1,
        };
        var p = Probabilities(3);
        var simulator = new LiquidSimulator(topology, options, new CpuBackend(new CpuBackendOptions { Threads = 1 }));
        simulator.Initialize([p]);

        var reference = new AuthorsPlasticLiquid(topology) { EngineTiming = true, ResetTraces = true, TraceDecay = LibraryTraceDecay };
        long spikes = 0;
        for (int s = 0; s < presentations; s++)
        {
            spikes += reference.Present(p, options.InitializationMs, options.Seed, (1UL << 40) + (ulong)s, decays: false).Sum();
        }
        Assert.True(spikes > 20 * presentations, $"the reference liquid fired only {spikes} spikes");
        for (int g = 0; g < 3; g++)
        {
            var expected = reference.Group(g);
            var initial = reference.InitialGroup(g);
            var actual = simulator.Weights[g];
            int moved = expected.Where((w, k) => w != initial[k]).Count();
            double largest = expected.Select((w, k) => Math.Abs(w - initial[k])).Max();
            Assert.True(moved > expected.Length / 3 && largest > 0.5, $"group {g}: {moved} of {expected.Length} weights moved, at most by {largest}");
            for (int k = 0; k < expected.Length; k++)
            {
                Assert.True(Math.Abs(expected[k] - actual[k]) <= 1e-5, $"group {g}, synapse {k}: {actual[k]:G9}, transcription {expected[k]:G9}");
            }
        }
    }
}
