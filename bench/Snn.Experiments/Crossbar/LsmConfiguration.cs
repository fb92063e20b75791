using Snn.Backends.Crossbar;

namespace Snn.Experiments.Crossbar;

/// <summary>How one arm of a crossbar LSM experiment realises the liquid.</summary>
/// <param name="Name">A label for tables and plots.</param>
/// <param name="Crossbar">The chip, or null for the software model on the CPU engine.</param>
/// <param name="SwitchingDevice">When set, the weights come from this device's stochastic switching
/// (<see cref="StochasticSwitching"/>; as-grown cells on a chip) instead of a software Gaussian.</param>
public sealed record LsmConfiguration(string Name, CrossbarOptions? Crossbar, ResistiveDevice? SwitchingDevice = null);
