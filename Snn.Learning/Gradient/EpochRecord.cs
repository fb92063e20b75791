namespace Snn.Learning.Gradient;

/// <summary>One point of a learning curve.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="TrainLoss">Mean training loss over the epoch (nats).</param>
/// <param name="TrainAccuracy">Training accuracy over the epoch (training mode: dropout, Gaussian kernels), in [0, 1].</param>
/// <param name="TestAccuracy">Test accuracy at inference (integer delays), in [0, 1], or NaN when not evaluated.</param>
/// <param name="Sigma">The DCLS kernel width at the end of the epoch (steps; 0 without learned delays).</param>
/// <param name="SamplesPerSecond">Training throughput of the epoch (samples/s, forward + backward + update).</param>
public readonly record struct EpochRecord(int Epoch, double TrainLoss, double TrainAccuracy, double TestAccuracy, double Sigma, double SamplesPerSecond);
