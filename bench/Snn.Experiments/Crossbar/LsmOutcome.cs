using Snn.Backends.Crossbar;

namespace Snn.Experiments.Crossbar;

/// <summary>The result of one arm of a crossbar LSM experiment.</summary>
/// <param name="Name">The configuration's name.</param>
/// <param name="Accuracy">Test accuracy of the trained readout, in [0, 1].</param>
/// <param name="EnergyPerInference">Crossbar energy per sample (J), NaN for software arms.</param>
/// <param name="LatencyPerInference">Modelled latency per sample (s), NaN for software arms.</param>
/// <param name="MeanReservoirRate">Mean reservoir spikes per neuron per sample.</param>
/// <param name="Cost">The chip's cost report over all samples, or null for software arms.</param>
/// <param name="Correct">Whether the readout classified each test sample correctly, in test order.</param>
public sealed record LsmOutcome(string Name, double Accuracy, double EnergyPerInference, double LatencyPerInference, double MeanReservoirRate, CostReport? Cost,
    IReadOnlyList<bool> Correct)
{
    /// <summary>
    /// This arm's accuracy minus <paramref name="reference"/>'s on the same test samples, in
    /// percentage points, with its paired standard error: with dᵢ = correctᵢ − reference correctᵢ ∈
    /// {−1, 0, 1}, the difference is mean(d) and the error sd(d)/√n (sample sd), which counts only
    /// the samples the two arms classify differently.
    /// </summary>
    public (double Points, double StandardErrorPoints) Versus(LsmOutcome reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        int n = Correct.Count;
        if (reference.Correct.Count != n || n < 2)
        {
            throw new ArgumentException($"The arms must be scored on the same test samples (at least 2): {n} and {reference.Correct.Count}.", nameof(reference));
        }
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++)
        {
            int d = (Correct[i] ? 1 : 0) - (reference.Correct[i] ? 1 : 0);
            sum += d;
            squares += d * d;
        }
        double mean = sum / n;
        double variance = (squares - n * mean * mean) / (n - 1);
        return (100 * mean, 100 * Math.Sqrt(Math.Max(variance, 0) / n));
    }
}
