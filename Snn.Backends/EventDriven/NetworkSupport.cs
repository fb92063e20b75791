using Snn.Core;
using Snn.Core.Inputs;

namespace Snn.Backends.EventDriven;

/// <summary>The checks an event-driven backend makes before it compiles a network: it names, in a
/// <see cref="NotSupportedException"/>, the first feature it does not run.</summary>
internal static class NetworkSupport
{
    public static void RequireStaticNetwork(Network network, string backend)
    {
        foreach (var projection in network.Projections)
        {
            if (projection.Plasticity is not null)
            {
                throw new NotSupportedException($"The {backend} backend does not run plasticity (projection {projection.Name} has {projection.Plasticity.Rule.RuleName}); use the cpu backend.");
            }
        }
        Recording.SimulationChecks.NoShortTermPlasticity(network, backend);
        if (network.Modulators.Count > 0)
        {
            throw new NotSupportedException($"The {backend} backend does not run neuromodulators (modulator '{network.Modulators[0].Name}'); use the cpu backend.");
        }
        if (network.WeightMonitors.Count > 0)
        {
            throw new NotSupportedException($"The {backend} backend does not record weight snapshots (weights are static; read them with GetWeights).");
        }
        if (network.PoissonDrives.Count > 0)
        {
            var drive = network.PoissonDrives[0];
            throw new NotSupportedException($"The {backend} backend runs no Poisson drives (drive of {drive.RateHz} Hz into '{drive.Target.Name}'); give it a Poisson source population instead.");
        }
    }

    public static void RequireDcInjectionsOnly(Network network, string backend)
    {
        foreach (var injection in network.Injections)
        {
            if (injection.Source is not DcCurrent)
            {
                throw new NotSupportedException($"The {backend} backend supports only DcCurrent injections; injection {injection.Index} into '{injection.Target.Name}' is a {injection.Source.GetType().Name}.");
            }
        }
    }

    public static void RequireNoInjections(Network network, string backend)
    {
        if (network.Injections.Count > 0)
        {
            throw new NotSupportedException($"The {backend} backend takes no current injections (injection into '{network.Injections[0].Target.Name}'); bias currents are set through the neuron model.");
        }
    }
}
