using Snn.Learning.Gradient;

namespace Snn.Experiments.Delays;

/// <summary>The accuracy of one arm over its seeds.</summary>
/// <param name="Arm">The delay arm.</param>
/// <param name="Runs">Number of seeds.</param>
/// <param name="MeanAccuracy">Mean final test accuracy, in [0, 1].</param>
/// <param name="StandardDeviation">Sample standard deviation over seeds (0 for one seed).</param>
/// <param name="SamplesPerSecond">Mean training throughput (samples/s).</param>
public sealed record AblationArmSummary(DelayMode Arm, int Runs, double MeanAccuracy, double StandardDeviation, double SamplesPerSecond);
