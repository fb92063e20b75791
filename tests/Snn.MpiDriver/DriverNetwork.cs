using Snn.Core;
using Snn.Core.Monitors;

namespace Snn.MpiDriver;

/// <summary>A network built identically by every rank and by the one-process reference, with the
/// monitors whose records are compared.</summary>
/// <param name="Network">The network.</param>
/// <param name="Spikes">Its spike monitors.</param>
/// <param name="States">Its state monitors.</param>
/// <param name="Rates">Its rate monitors.</param>
/// <param name="Weights">Its weight monitors.</param>
public sealed record DriverNetwork(Network Network, SpikeMonitor[] Spikes, StateMonitor[] States, RateMonitor[] Rates, WeightMonitor[] Weights);
