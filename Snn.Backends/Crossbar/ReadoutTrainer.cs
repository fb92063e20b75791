namespace Snn.Backends.Crossbar;

/// <summary>Trains a readout on features and returns its classifier (features → class). The bench
/// can pass Snn.Learning's ridge or softmax readout here; <see cref="CrossbarLsmExperiment"/> defaults
/// to a small built-in ridge classifier.</summary>
/// <param name="features">Training features, one row per sample.</param>
/// <param name="labels">Training labels in [0, classes).</param>
/// <param name="classes">Number of classes.</param>
public delegate Func<float[], int> ReadoutTrainer(float[][] features, int[] labels, int classes);
