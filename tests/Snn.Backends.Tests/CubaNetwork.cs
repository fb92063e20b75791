using Snn.Core;
using Snn.Core.Models;
using Snn.Core.Monitors;

namespace Snn.Backends.Tests;

/// <summary>A built CUBA network and its monitors.</summary>
internal sealed record CubaNetwork(
    Network Network,
    Population<LifCurrent> Excitatory,
    Population<LifCurrent> Inhibitory,
    Projection[] Projections,
    SpikeMonitor ExcitatorySpikes,
    SpikeMonitor InhibitorySpikes);
