using Snn.Learning.Gradient;

namespace Snn.Experiments.Delays;

/// <summary>One training run of an ablation: an arm and a seed.</summary>
/// <param name="Arm">The delay arm.</param>
/// <param name="Seed">The training seed.</param>
/// <param name="TestAccuracy">Final test accuracy at inference (integer delays), in [0, 1].</param>
/// <param name="SamplesPerSecond">Training throughput (samples/s).</param>
/// <param name="History">The learning curve, one record per epoch.</param>
public sealed record AblationRun(DelayMode Arm, ulong Seed, double TestAccuracy, double SamplesPerSecond, IReadOnlyList<EpochRecord> History);
