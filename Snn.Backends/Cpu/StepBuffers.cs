namespace Snn.Backends.Cpu;

/// <summary>What a neuron group reads and writes during one step.</summary>
internal readonly record struct StepBuffers(NeuronStateArrays State, DelayRing Ring, long Step, int Slot);
