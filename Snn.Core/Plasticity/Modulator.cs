using Snn.Core.Validation;

namespace Snn.Core.Plasticity;

/// <summary>
/// A global neuromodulatory signal (dopamine in Izhikevich 2007; an error signal): it relaxes
/// exponentially toward <see cref="Baseline"/> with <see cref="TauMs"/>, rises by
/// <see cref="GainPerSpike"/> for every spike of <see cref="Source"/> (if set), and can be set or
/// increased from user code between runs (<c>IModulation.SetModulator</c>). Every step:
/// m ← baseline + (m − baseline)·e^(−dt/τ) + gain · (spikes of the source in that step).
/// </summary>
public sealed class Modulator
{
    internal Modulator(int index, string name, double tauMs, double baseline, Population? source, double gainPerSpike)
    {
        Index = index;
        Name = Guard.Name(name, nameof(name));
        TauMs = Guard.Positive(tauMs, nameof(tauMs));
        Baseline = Guard.Finite(baseline, nameof(baseline));
        Source = source;
        GainPerSpike = Guard.Finite(gainPerSpike, nameof(gainPerSpike));
    }

    /// <summary>Position in <see cref="Network.Modulators"/>.</summary>
    public int Index { get; }

    /// <summary>The modulator's name.</summary>
    public string Name { get; }

    /// <summary>Relaxation time constant (ms).</summary>
    public double TauMs { get; }

    /// <summary>The resting value.</summary>
    public double Baseline { get; }

    /// <summary>The population whose spikes drive the signal, or null.</summary>
    public Population? Source { get; }

    /// <summary>Increase per spike of <see cref="Source"/>.</summary>
    public double GainPerSpike { get; }
}
