namespace Snn.Backends.Sfq;

/// <summary>The kinds of circuit error the SFQ model reports (it keeps running, like a chip would).</summary>
public enum SfqErrorKind
{
    /// <summary>Two pulses reached a merger closer than its firing delay; the later one was swallowed (PyLSE's transition-time error).</summary>
    MergerCollision,

    /// <summary>A pulse reached a neuron during its output junction's refractory (hold) window after firing; it was stored but could not trigger.</summary>
    HoldViolation,

    /// <summary>A junction's bias exceeds its critical current: it is in the voltage state and emits pulses on its own (Josephson oscillation).</summary>
    Overbiased,

    /// <summary>The global bias left the interconnect cells' operating window; their pulses are lost.</summary>
    BiasOutOfWindow,
}
