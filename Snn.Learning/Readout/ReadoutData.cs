namespace Snn.Learning.Readout;

/// <summary>Checks of readout training data.</summary>
internal static class ReadoutData
{
    public static void Check(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classes, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (features.Count != labels.Count)
        {
            throw new ArgumentException($"features has {features.Count} samples but labels has {labels.Count}.", nameof(labels));
        }
        for (int s = 0; s < features.Count; s++)
        {
            if (features[s] is null || features[s].Length != featureCount)
            {
                throw new ArgumentException($"features[{s}] must have {featureCount} values.", nameof(features));
            }
            if ((uint)labels[s] >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), labels[s], $"labels[{s}] = {labels[s]} must be in [0, {classes - 1}].");
            }
        }
    }
}
