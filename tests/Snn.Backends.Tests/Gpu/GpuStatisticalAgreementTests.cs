using Snn.Backends.Gpu;

namespace Snn.Backends.Tests.Gpu;

/// <summary>
/// Where the float sums into a neuron depend on the order of the device's atomic adds (random
/// weights), the GPU engine's spikes may part from the CPU engine's after the first rounding
/// difference; the network's statistics must still agree. CUBA with random weights and delays
/// (400 neurons, 300 ms: about 1.2 million neuron updates on ILGPU's CPU accelerator).
/// </summary>
public class GpuStatisticalAgreementTests
{
    private const int Size = 400;
    private const double DurationMs = 300;

    /// <summary>The GPU run's mean rate must lie within 3 standard deviations of the rate's spread
    /// over network seeds (CPU engine, seeds 5-9) from the CPU run of the same seed: the GPU run is
    /// then indistinguishable from another realisation of the same random network.</summary>
    [Fact]
    public void RandomWeightNetworkFiresAtTheCpuEnginesRateWithinItsSeedToSeedSpread()
    {
        double[] cpuRates = Enumerable.Range(5, 5).Select(seed => Rate(cpu: true, (ulong)seed)).ToArray();
        double mean = cpuRates.Average();
        double spread = Math.Sqrt(cpuRates.Sum(r => (r - mean) * (r - mean)) / (cpuRates.Length - 1));

        double gpuRate = Rate(cpu: false, 5);

        Assert.True(cpuRates[0] > 1, $"the probe network is nearly silent ({cpuRates[0]} Hz)");
        Assert.True(spread > 0, "the seeds should give different rates");
        Assert.True(Math.Abs(gpuRate - cpuRates[0]) <= 3 * spread,
            $"GPU {gpuRate:F3} Hz, CPU {cpuRates[0]:F3} Hz, seed-to-seed SD {spread:F3} Hz (rates {string.Join(", ", cpuRates.Select(r => r.ToString("F3")))})");
    }

    private static double Rate(bool cpu, ulong seed)
    {
        var cuba = SimulationHelpers.Cuba(Size, seed, heterogeneous: true);
        using var simulation = cpu ? SimulationHelpers.Compile(cuba.Network) : GpuTestSupport.Compile(cuba.Network, CpuEmulationPreset.Default);
        simulation.Run(DurationMs);
        long spikes = simulation.GetSpikes(cuba.ExcitatorySpikes).Count + simulation.GetSpikes(cuba.InhibitorySpikes).Count;
        return spikes / (Size * DurationMs / 1000);
    }
}
