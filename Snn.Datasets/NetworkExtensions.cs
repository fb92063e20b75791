using Snn.Core;

namespace Snn.Datasets;

/// <summary>Connects data-set samples to a Snn.Core <see cref="Network"/>.</summary>
public static class NetworkExtensions
{
    /// <summary>
    /// Adds a spike source population with one neuron per channel of <paramref name="trains"/>,
    /// each spike delayed by one step of the network's dt (see <see cref="SpikeTrains.ToSourceTimes"/>).
    /// </summary>
    /// <param name="network">The network to add to.</param>
    /// <param name="name">The population name.</param>
    /// <param name="trains">The spike trains (ms).</param>
    public static SpikeSourcePopulation AddSpikeSource(this Network network, string name, SpikeTrains trains)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(trains);
        return network.AddSpikeSource(name, trains.ToSourceTimes(network.Dt));
    }
}
