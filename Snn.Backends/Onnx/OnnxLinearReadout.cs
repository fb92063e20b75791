using Snn.Core;

namespace Snn.Backends.Onnx;

/// <summary>
/// A linear readout computed in the exported model after every step:
/// y = W x + b, where x is the <see cref="Signal"/> of <see cref="Source"/> ([size]) and y has
/// <see cref="Bias"/>.Length components. It is emitted as the output <c>readout</c>, [steps, batch,
/// outputs] in the time-loop form. It is a matrix product, so it agrees with a C# evaluation to
/// float rounding, not bit for bit.
/// </summary>
/// <param name="Source">The population read.</param>
/// <param name="Signal">Spikes (0/1) or membrane potential (mV).</param>
/// <param name="Weights">W, [outputs, size] row-major (output units per signal unit).</param>
/// <param name="Bias">b, one value per output.</param>
public sealed record OnnxLinearReadout(Population Source, OnnxReadoutSignal Signal, float[] Weights, float[] Bias)
{
    /// <summary>Number of readout outputs.</summary>
    public int Outputs => Bias.Length;
}
