using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Bench.Suites;

namespace Snn.Bench.GpuCheck;

/// <summary>
/// A feed-forward network whose float sums cannot depend on the order of the device's atomic adds:
/// Poisson sources drive a LIF-current, a LIF-conductance and an Izhikevich population one to one
/// (random weights and delays), plus one Poisson drive each, so a neuron receives at most two
/// inputs per step and two float additions commute exactly. Any spike the engines disagree on then
/// comes from the neuron arithmetic itself (fused multiply-adds, device <c>exp</c>), not from summation order.
/// </summary>
public static class FeedForwardNetwork
{
    /// <summary>Builds the network with <paramref name="size"/> neurons per population (dt 0.25 ms).</summary>
    public static BuiltNetwork Build(int size, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var network = new Network(seed, dt: 0.25);
        var input = network.AddPoissonInput("input", size, 400);
        var lif = network.AddPopulation("lif", size, new LifCurrent { TauM = 10, VThreshold = -60 });
        var cond = network.AddPopulation("cond", size, new LifConductance { VThreshold = -62, VReset = -70 });
        var izh = network.AddPopulation("izh", size, Izhikevich.Chattering);
        network.Connect(input, lif, Connectivity.OneToOne(), Synapse.Excitatory(Dist.Normal(400, 80), Dist.Uniform(0.25, 3)));
        network.Connect(input, cond, Connectivity.OneToOne(), Synapse.Excitatory(Dist.Uniform(5, 30), Dist.Uniform(0.25, 3)));
        network.Connect(input, izh, Connectivity.OneToOne(), Synapse.Excitatory(Dist.Normal(6, 2), Dist.Uniform(0.25, 3)));
        network.AddPoissonDrive(lif, 2000, 37.5);
        network.AddPoissonDrive(cond, 1000, 2.5);
        network.AddPoissonDrive(izh, 1000, 1.5);
        return new BuiltNetwork(network, new Population[] { lif, cond, izh }.Select(p => network.RecordSpikes(p)).ToArray());
    }
}
