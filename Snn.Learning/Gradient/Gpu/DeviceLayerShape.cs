namespace Snn.Learning.Gradient.Gpu;

/// <summary>The sizes and constants a delay-layer kernel needs, passed by value to the device.</summary>
internal readonly struct DeviceLayerShape(int batch, int steps, int inputs, int outputs, int kernel, float decay, float alpha)
{
    /// <summary>Samples in the batch.</summary>
    public readonly int Batch = batch;

    /// <summary>T.</summary>
    public readonly int Steps = steps;

    /// <summary>I.</summary>
    public readonly int Inputs = inputs;

    /// <summary>O.</summary>
    public readonly int Outputs = outputs;

    /// <summary>K.</summary>
    public readonly int Kernel = kernel;

    /// <summary>Membrane decay per step, 1 − 1/τ.</summary>
    public readonly float Decay = decay;

    /// <summary>α of the ATan surrogate.</summary>
    public readonly float Alpha = alpha;
}
