using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Inputs;
using Snn.Core.Models;
using Snn.Core.Randomness;

namespace Snn.Bench.Suites;

/// <summary>
/// The network of Izhikevich 2003 ("Simple model of spiking neurons", IEEE TNN 14:1569, Fig. 3 and
/// its MATLAB code <c>net.m</c>; also Brian2's <c>examples/frompapers/Izhikevich_2003.py</c>):
/// <code>
/// 800 excitatory:  a = 0.02,          b = 0.2,           c = −65 + 15 r²,  d = 8 − 6 r²
/// 200 inhibitory:  a = 0.02 + 0.08 r, b = 0.25 − 0.05 r, c = −65,          d = 2
/// r uniform in [0, 1) per neuron; v0 = −65 mV, u0 = b v0
/// all-to-all (autapses included), weights 0.5·U[0, 1) from excitatory and −U[0, 1) from
/// inhibitory neurons, added to v as jumps (mV) one step (1 ms) after the spike
/// thalamic input: a new N(0, 5²) (excitatory) or N(0, 2²) (inhibitory) current every ms
/// dt = 1 ms: v by two Euler half-steps, u by one Euler step (see <see cref="Izhikevich"/>)
/// </code>
/// For a size N other than 1000 the populations are 80/20 % and the weights are scaled by 1000/N,
/// so every neuron receives the same total input as in the paper (N = 1000 is the paper's network).
/// The noise current is in the paper's unit (mV/ms), which <see cref="Izhikevich"/> takes as its
/// current. The per-neuron r come from the counter-based generator, streams
/// <see cref="RngStreams.User"/>(<see cref="ExcitatoryParameterStream"/>) and
/// (<see cref="InhibitoryParameterStream"/>), substream = neuron index.
/// </summary>
public static class Izhikevich2003Network
{
    /// <summary>The paper's network size.</summary>
    public const int PaperSize = 1000;

    /// <summary>User stream index of the excitatory neurons' r.</summary>
    public const int ExcitatoryParameterStream = 2003_0;

    /// <summary>User stream index of the inhibitory neurons' r.</summary>
    public const int InhibitoryParameterStream = 2003_1;

    /// <summary>Standard deviation of the excitatory neurons' thalamic input (mV/ms).</summary>
    public const double ExcitatoryNoiseSd = 5;

    /// <summary>Standard deviation of the inhibitory neurons' thalamic input (mV/ms).</summary>
    public const double InhibitoryNoiseSd = 2;

    /// <summary>Synaptic delay (ms): one step.</summary>
    public const double DelayMs = 1;

    /// <summary>The weight scale for <paramref name="size"/> neurons: 1000/N.</summary>
    public static double WeightScale(int size) => (double)PaperSize / size;

    /// <summary>An excitatory neuron with random number <paramref name="r"/> in [0, 1).</summary>
    public static Izhikevich Excitatory(double r) => new() { A = 0.02, B = 0.2, C = -65 + 15 * r * r, D = 8 - 6 * r * r };

    /// <summary>An inhibitory neuron with random number <paramref name="r"/> in [0, 1).</summary>
    public static Izhikevich Inhibitory(double r) => new() { A = 0.02 + 0.08 * r, B = 0.25 - 0.05 * r, C = -65, D = 2 };

    /// <summary>The finer time step of <see cref="BuildFine"/> (ms).</summary>
    public const double FineDtMs = 0.1;

    /// <summary>Builds the network with <paramref name="size"/> neurons (1000 in the paper), recording every spike.</summary>
    public static BuiltNetwork Build(int size, ulong seed) => Build(size, seed, dt: 1.0);

    /// <summary>
    /// The same network at dt = <see cref="FineDtMs"/>: the model integrates v and u in its sub-steps,
    /// the delay stays 1 ms, and the white-noise input keeps the paper's diffusion per ms (standard
    /// deviation × √(1 ms / dt), since a new value is drawn every step instead of every ms).
    /// </summary>
    public static BuiltNetwork BuildFine(int size, ulong seed) => Build(size, seed, FineDtMs);

    private static BuiltNetwork Build(int size, ulong seed, double dt)
    {
        if (size < 5)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"size = {size} must be at least 5 (80 % excitatory, 20 % inhibitory).");
        }
        var network = new Network(seed, dt);
        int excitatory = (int)(0.8 * size);
        var excModels = new Izhikevich[excitatory];
        for (int i = 0; i < excModels.Length; i++)
        {
            excModels[i] = Excitatory(new CounterRng(seed, RngStreams.User(ExcitatoryParameterStream), (uint)i).NextDouble());
        }
        var inhModels = new Izhikevich[size - excitatory];
        for (int i = 0; i < inhModels.Length; i++)
        {
            inhModels[i] = Inhibitory(new CounterRng(seed, RngStreams.User(InhibitoryParameterStream), (uint)i).NextDouble());
        }
        var exc = network.AddPopulation("exc", excModels);
        var inh = network.AddPopulation("inh", inhModels);
        double scale = WeightScale(size);
        foreach (var target in new Population[] { exc, inh })
        {
            network.Connect(exc, target, Connectivity.AllToAll(allowAutapses: true), Synapse.Excitatory(Dist.Uniform(0, 0.5 * scale), DelayMs));
            network.Connect(inh, target, Connectivity.AllToAll(allowAutapses: true), Synapse.Inhibitory(Dist.Uniform(-scale, 0), DelayMs));
        }
        double noiseScale = Math.Sqrt(1.0 / dt);
        network.Inject(exc, new NoiseCurrent(0, ExcitatoryNoiseSd * noiseScale));
        network.Inject(inh, new NoiseCurrent(0, InhibitoryNoiseSd * noiseScale));
        return new BuiltNetwork(network, [network.RecordSpikes(exc), network.RecordSpikes(inh)]);
    }
}
