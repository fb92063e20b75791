namespace Snn.Backends.Onnx;

/// <summary>What a linear readout reads from its population after every step.</summary>
public enum OnnxReadoutSignal
{
    /// <summary>The spikes of the step (1 where a neuron fired, else 0).</summary>
    Spikes,

    /// <summary>The membrane potential V after the step (mV).</summary>
    Membrane,
}
