using Snn.Core;

namespace Snn.Backends.Cpu;

/// <summary>
/// The inputs phase of the CPU-side engines (CPU, crossbar, MPI): the network's current injections
/// resolved to the neurons each partition updates, keeping only the neurons a filter accepts (a rank's
/// own, under MPI). Each step a partition sets its injected neurons' currents to zero and adds every
/// injection's share, so the currents do not depend on the partitioning or the rank count.
/// </summary>
internal sealed class InjectedCurrents
{
    private readonly PreparedInjection[] _injections;
    private readonly int[][] _injectedByPart;

    /// <summary>Resolves <paramref name="network"/>'s injections on <paramref name="partitioning"/>, keeping the
    /// global neurons <paramref name="keep"/> accepts (all when null).</summary>
    public InjectedCurrents(Network network, Partitioning partitioning, Func<int, bool>? keep = null)
    {
        _injections = network.Injections.Select(i => new PreparedInjection(i, network, partitioning, keep)).ToArray();
        _injectedByPart = Enumerable.Range(0, partitioning.Count)
            .Select(p => _injections.SelectMany(i => i.NeuronsOf(p).ToArray()).Distinct().Order().ToArray())
            .ToArray();
    }

    /// <summary>Sets the injected currents (pA) of partition <paramref name="part"/>'s neurons for <paramref name="step"/>.</summary>
    public void Apply(float[] current, int part, long step)
    {
        if (_injections.Length == 0)
        {
            return;
        }
        foreach (int neuron in _injectedByPart[part])
        {
            current[neuron] = 0;
        }
        foreach (var injection in _injections)
        {
            injection.AddTo(current, part, step);
        }
    }
}
