using System.Numerics.Tensors;
using Snn.Core.Randomness;
using Snn.Core.Validation;
using Snn.Learning.Reservoir;

namespace Snn.Learning.Readout;

/// <summary>
/// Multinomial logistic regression (a softmax layer) trained from zero weights by mini-batch Adam
/// (Kingma &amp; Ba 2015) or Adadelta (Zeiler 2012) on the mean cross-entropy plus λ/2·‖W‖², toward
/// one-hot or softmax-smoothed targets (<see cref="SoftmaxOptions"/>); the epoch with the best
/// validation accuracy is kept (the readout of Ivanov &amp; Michmizos 2021).
/// </summary>
public sealed class SoftmaxReadout : LinearReadout
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;

    private SoftmaxReadout(float[][] weights, float[] biases, int bestEpoch, double[] validationAccuracies)
        : base(weights, biases)
    {
        BestEpoch = bestEpoch;
        ValidationAccuracies = validationAccuracies;
    }

    /// <summary>The epoch (1-based) whose weights were kept.</summary>
    public int BestEpoch { get; }

    /// <summary>Validation accuracy after every epoch (empty without validation data).</summary>
    public IReadOnlyList<double> ValidationAccuracies { get; }

    /// <summary>Trains a readout.</summary>
    /// <param name="features">Training features, one array per sample, all of the same length ≥ 1.</param>
    /// <param name="labels">Training labels in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">Number of classes, ≥ 2.</param>
    /// <param name="options">Training settings (validated).</param>
    /// <param name="validationFeatures">Validation features for epoch selection, or null to keep the last epoch.</param>
    /// <param name="validationLabels">Validation labels (with <paramref name="validationFeatures"/>).</param>
    /// <param name="progress">Receives the epochs done.</param>
    public static SoftmaxReadout Train(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classes, SoftmaxOptions options,
        IReadOnlyList<float[]>? validationFeatures = null, IReadOnlyList<int>? validationLabels = null, IProgress<ReservoirProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Guard.InRange(classes, 2, int.MaxValue, nameof(classes));
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0)
        {
            throw new ArgumentException("features is empty.", nameof(features));
        }
        int f = features[0]?.Length ?? 0;
        Guard.PositiveCount(f, "features[0].Length");
        ReadoutData.Check(features, labels, classes, f);
        bool validate = validationFeatures is not null;
        if (validate)
        {
            ReadoutData.Check(validationFeatures!, validationLabels ?? throw new ArgumentNullException(nameof(validationLabels)), classes, f);
        }

        var weights = NewRows(classes, f);
        var biases = new float[classes];
        var gradW = NewRows(classes, f);
        var gradB = new float[classes];
        var first = NewRows(classes, f);
        var second = NewRows(classes, f);
        var firstB = new float[classes];
        var secondB = new float[classes];
        var scores = new float[classes];
        var targets = Targets(classes, options.SmoothedTargets);
        var order = new int[features.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var rng = new CounterRng(options.Seed, RngStreams.User(0x5F0), 0);
        var accuracies = new List<double>();
        float[][] bestWeights = weights;
        float[] bestBiases = biases;
        double bestAccuracy = double.NegativeInfinity;
        int bestEpoch = options.Epochs;
        long t = 0;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            for (int i = order.Length - 1; options.Shuffle && i > 0; i--)
            {
                int j = rng.NextInt(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
            for (int start = 0; start < order.Length; start += options.BatchSize)
            {
                int end = Math.Min(order.Length, start + options.BatchSize);
                foreach (var row in gradW)
                {
                    Array.Clear(row);
                }
                Array.Clear(gradB);
                for (int k = start; k < end; k++)
                {
                    var x = features[order[k]];
                    for (int c = 0; c < classes; c++)
                    {
                        scores[c] = TensorPrimitives.Dot(weights[c], x) + biases[c];
                    }
                    TensorPrimitives.SoftMax(scores, scores);
                    TensorPrimitives.Subtract(scores, targets.Other, scores);
                    scores[labels[order[k]]] -= targets.True - targets.Other;
                    for (int c = 0; c < classes; c++)
                    {
                        TensorPrimitives.MultiplyAdd(x, scores[c], gradW[c], gradW[c]);
                        gradB[c] += scores[c];
                    }
                }
                float inverse = 1f / (end - start);
                t++;
                for (int c = 0; c < classes; c++)
                {
                    Step(options, t, weights[c], gradW[c], first[c], second[c], inverse, (float)options.L2);
                }
                Step(options, t, biases, gradB, firstB, secondB, inverse, 0);
            }
            if (validate)
            {
                var candidate = new SoftmaxReadout(weights, biases, epoch, []);
                double accuracy = candidate.Accuracy(validationFeatures!, validationLabels!);
                accuracies.Add(accuracy);
                if (accuracy > bestAccuracy)
                {
                    bestAccuracy = accuracy;
                    bestEpoch = epoch;
                    bestWeights = Copy(weights);
                    bestBiases = (float[])biases.Clone();
                }
            }
            progress?.Report(new ReservoirProgress("readout", epoch, options.Epochs));
        }
        return validate
            ? new SoftmaxReadout(bestWeights, bestBiases, bestEpoch, [.. accuracies])
            : new SoftmaxReadout(weights, biases, options.Epochs, []);
    }

    /// <summary>The targets of the true class and of every other class.</summary>
    private static (float True, float Other) Targets(int classes, bool smoothed)
    {
        if (!smoothed)
        {
            return (1, 0);
        }
        double sum = Math.E + classes - 1;
        return ((float)(Math.E / sum), (float)(1 / sum));
    }

    /// <summary>One update of <paramref name="w"/> from the summed gradient <paramref name="g"/>
    /// (times <paramref name="scale"/>, plus the L2 term); <paramref name="first"/> and
    /// <paramref name="second"/> are the optimiser's running averages (Adam: m and v; Adadelta:
    /// E[g²] and E[Δ²]).</summary>
    private static void Step(SoftmaxOptions options, long t, float[] w, float[] g, float[] first, float[] second, float scale, float l2)
    {
        float epsilon = (float)options.Epsilon;
        if (options.Optimizer == SoftmaxOptimizer.Adadelta)
        {
            float rho = (float)options.Rho;
            float rate = (float)options.LearningRate;
            for (int i = 0; i < w.Length; i++)
            {
                float grad = g[i] * scale + l2 * w[i];
                first[i] = rho * first[i] + (1 - rho) * grad * grad;
                float delta = MathF.Sqrt(second[i] + epsilon) / MathF.Sqrt(first[i] + epsilon) * grad;
                second[i] = rho * second[i] + (1 - rho) * delta * delta;
                w[i] -= rate * delta;
            }
            return;
        }
        float stepSize = (float)(options.LearningRate * Math.Sqrt(1 - Math.Pow(Beta2, t)) / (1 - Math.Pow(Beta1, t)));
        for (int i = 0; i < w.Length; i++)
        {
            float grad = g[i] * scale + l2 * w[i];
            first[i] = (float)(Beta1 * first[i] + (1 - Beta1) * grad);
            second[i] = (float)(Beta2 * second[i] + (1 - Beta2) * grad * grad);
            w[i] -= stepSize * first[i] / (MathF.Sqrt(second[i]) + epsilon);
        }
    }

    private static float[][] NewRows(int rows, int columns)
    {
        var result = new float[rows][];
        for (int r = 0; r < rows; r++)
        {
            result[r] = new float[columns];
        }
        return result;
    }

    private static float[][] Copy(float[][] rows)
    {
        var result = new float[rows.Length][];
        for (int r = 0; r < rows.Length; r++)
        {
            result[r] = (float[])rows[r].Clone();
        }
        return result;
    }
}
