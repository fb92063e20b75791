namespace Snn.Backends.Tests.Conformance;

/// <summary>How closely an engine is documented to agree with the one-thread CPU engine.</summary>
public enum Agreement
{
    /// <summary>The same spikes, states and weights bit for bit, on any weights: the engine sums a
    /// target's inputs in the CPU engine's order (CPU on several threads, ideal crossbar, MPI, ONNX's exact form).</summary>
    BitIdentical,

    /// <summary>Bit for bit where the float sums into a target cannot depend on their order (the GPU
    /// engine's atomic adds): the scenarios give it integer weights, whose sums are exact in any order.</summary>
    BitIdenticalOnExactSums,

    /// <summary>Only statistically: the event-driven engine integrates exactly between events in continuous
    /// time (no time step, continuous delays), so its spike trains differ from the clock-driven ones.</summary>
    Statistical,
}
