using Snn.Core;
using Snn.Core.Models;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;

namespace Snn.Backends.Recording;

/// <summary>The argument checks every engine's <c>ISimulation</c> makes, with the same messages.</summary>
internal static class SimulationChecks
{
    /// <summary>Throws a <see cref="NotSupportedException"/> naming the first projection with
    /// short-term plasticity, for an engine (<paramref name="backend"/>) that does not run it.</summary>
    public static void NoShortTermPlasticity(Network network, string backend)
    {
        var projection = network.Projections.FirstOrDefault(p => p.ShortTerm is not null);
        if (projection is not null)
        {
            throw new NotSupportedException($"The {backend} backend does not run short-term plasticity (projection {projection.Name} has {projection.ShortTerm}); use the cpu, mpi, crossbar or gpu backend (gpu: static projections only).");
        }
    }

    /// <summary>Requires <paramref name="monitor"/> to belong to <paramref name="network"/>.</summary>
    public static void Monitor(Network network, NeuronMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        if (!network.Monitors.Contains(monitor))
        {
            throw new ArgumentException("The monitor belongs to another network.", nameof(monitor));
        }
    }

    /// <summary>Requires an undisposed simulation and <paramref name="monitor"/> of its network.</summary>
    public static void Monitor(Network network, NeuronMonitor monitor, bool disposed, object simulation)
    {
        ObjectDisposedException.ThrowIf(disposed, simulation);
        Monitor(network, monitor);
    }

    /// <summary>Requires an undisposed simulation and <paramref name="projection"/> of its network.</summary>
    public static void Projection(Network network, Projection projection, bool disposed, object simulation)
    {
        ObjectDisposedException.ThrowIf(disposed, simulation);
        Projection(network, projection);
    }

    /// <summary>Requires <paramref name="projection"/> to belong to <paramref name="network"/>.</summary>
    public static void Projection(Network network, Projection projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        if (!network.Projections.Contains(projection))
        {
            throw new ArgumentException($"Projection {projection.Name} belongs to another network.", nameof(projection));
        }
    }

    /// <summary>Requires <paramref name="modulator"/> to belong to <paramref name="network"/>.</summary>
    public static void Modulator(Network network, Modulator modulator)
    {
        ArgumentNullException.ThrowIfNull(modulator);
        if (!network.Modulators.Contains(modulator))
        {
            throw new ArgumentException($"Modulator '{modulator.Name}' belongs to another network.", nameof(modulator));
        }
    }

    /// <summary>Requires one finite weight per synapse (non-negative for conductance-based targets).</summary>
    public static void Weights(Projection projection, ReadOnlySpan<float> weights, int count)
    {
        if (weights.Length != count)
        {
            throw new ArgumentException($"weights has {weights.Length} values; projection {projection.Name} has {count} synapses.", nameof(weights));
        }
        bool conductance = projection.Target.SynapseKind == SynapseKind.Conductance;
        for (int s = 0; s < weights.Length; s++)
        {
            if (!float.IsFinite(weights[s]) || (conductance && weights[s] < 0))
            {
                throw new ArgumentOutOfRangeException(nameof(weights), weights[s], $"weights[{s}] = {weights[s]} must be finite{(conductance ? " and >= 0 nS" : "")}.");
            }
        }
    }
}
