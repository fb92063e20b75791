namespace Snn.Learning.Gradient;

/// <summary>The outcome of <see cref="DelayTrainer.Train"/>.</summary>
/// <param name="Network">The trained network (evaluate with integer delays).</param>
/// <param name="History">One record per epoch.</param>
/// <param name="TestAccuracy">Final test accuracy, in [0, 1] (NaN without a test set).</param>
/// <param name="SamplesPerSecond">Mean training throughput over the run (samples/s).</param>
public sealed record TrainingResult(DelayNetwork Network, IReadOnlyList<EpochRecord> History, double TestAccuracy, double SamplesPerSecond);
