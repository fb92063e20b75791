using System.Numerics.Tensors;

namespace Snn.Learning.Readout;

/// <summary>A linear classifier: class scores W·x + b, the prediction their argmax. The base of
/// <see cref="SoftmaxReadout"/> and <see cref="RidgeReadout"/>.</summary>
public abstract class LinearReadout
{
    private protected LinearReadout(float[][] weights, float[] biases)
    {
        Weights = weights;
        Biases = biases;
    }

    /// <summary>The weights, one row of <see cref="FeatureCount"/> per class.</summary>
    public float[][] Weights { get; }

    /// <summary>The bias of every class.</summary>
    public float[] Biases { get; }

    /// <summary>Number of classes.</summary>
    public int ClassCount => Biases.Length;

    /// <summary>Number of input features.</summary>
    public int FeatureCount => Weights[0].Length;

    /// <summary>The class with the highest score (the lowest index among ties).</summary>
    /// <param name="features">One sample's features, <see cref="FeatureCount"/> of them.</param>
    public int Predict(ReadOnlySpan<float> features)
    {
        if (features.Length != FeatureCount)
        {
            throw new ArgumentException($"features has {features.Length} values; the readout takes {FeatureCount}.", nameof(features));
        }
        int best = 0;
        float bestScore = float.NegativeInfinity;
        for (int c = 0; c < ClassCount; c++)
        {
            float score = TensorPrimitives.Dot(Weights[c], features) + Biases[c];
            if (score > bestScore)
            {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /// <summary>The fraction of samples classified correctly, in [0, 1].</summary>
    /// <param name="features">One feature array per sample.</param>
    /// <param name="labels">The true class of each sample.</param>
    public double Accuracy(IReadOnlyList<float[]> features, IReadOnlyList<int> labels)
    {
        ReadoutData.Check(features, labels, ClassCount, FeatureCount);
        int correct = 0;
        for (int s = 0; s < features.Count; s++)
        {
            if (Predict(features[s]) == labels[s])
            {
                correct++;
            }
        }
        return features.Count == 0 ? 0 : correct / (double)features.Count;
    }
}
