using Snn.Core.Plasticity;

namespace Snn.Core.Simulation;

/// <summary>A simulation that runs the network's neuromodulators and lets user code read and set them.</summary>
public interface IModulation : ISimulation
{
    /// <summary>The current value of a neuromodulator.</summary>
    double GetModulator(Modulator modulator);

    /// <summary>Sets a neuromodulator's value (it then relaxes toward its baseline as the run goes on).</summary>
    void SetModulator(Modulator modulator, double value);
}
