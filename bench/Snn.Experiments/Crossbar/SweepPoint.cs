using Snn.Backends.Crossbar;

namespace Snn.Experiments.Crossbar;

/// <summary>One point of a crossbar sweep.</summary>
/// <param name="Parameter">What was varied.</param>
/// <param name="Value">Its value (unit per <see cref="SweepParameter"/>).</param>
/// <param name="Accuracy">Test accuracy of the readout retrained on this chip's features, in [0, 1].</param>
/// <param name="EnergyPerInference">Energy per sample (J).</param>
public sealed record SweepPoint(SweepParameter Parameter, double Value, double Accuracy, double EnergyPerInference);
