using ILGPU;

namespace Snn.Backends.Gpu;

/// <summary>The modulator kernel at the end of a step and the state-sampling kernel.</summary>
internal static class StepKernels
{
    /// <summary>Advances modulator <paramref name="index"/> from its source's spikes of the step:
    /// m ← b + (m − b)·decay + gain·spikes, as the CPU engine.</summary>
    public static void AdvanceModulators(Index1D index, ArrayView<float> modulators, ArrayView<ModulatorParameters> parameters, ArrayView<int> populationCounts)
    {
        var p = parameters[index];
        int spikes = p.Source >= 0 ? populationCounts[p.Source] : 0;
        modulators[index] = p.Baseline + (modulators[index] - p.Baseline) * p.Decay + p.Gain * spikes;
    }

    /// <summary>Copies the sampled variable of recorded neuron <paramref name="index"/> into row
    /// storage at <paramref name="rowOffset"/>.</summary>
    public static void Sample(Index1D index, ArrayView<int> neurons, ArrayView<float> variable, ArrayView<float> rows, long rowOffset)
        => rows[rowOffset + index] = variable[neurons[index]];
}
