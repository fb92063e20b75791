using Snn.Backends.Onnx;
using Snn.Core.Simulation;

namespace Snn.Bench.Studies.OnnxThroughput;

/// <summary>The rule of an <see cref="OnnxClassifier"/> evaluated in C# on a simulation's records,
/// so the CPU engine predicts a class the same way as the exported head.</summary>
internal static class ClassifierRule
{
    /// <summary>The class the classifier head of <paramref name="sample"/> gives for the first
    /// <paramref name="steps"/> steps of <paramref name="simulation"/>.</summary>
    public static int Predict(ThroughputSample sample, ISimulation simulation, int steps)
    {
        var classifier = sample.Classifier;
        int size = classifier.Source.Size;
        var trace = new double[steps, size];
        if (classifier.Signal == OnnxReadoutSignal.Membrane)
        {
            var record = simulation.GetState(sample.Membrane ?? throw new InvalidOperationException("A membrane classifier needs a state monitor."));
            for (int k = 0; k < steps; k++)
            {
                for (int i = 0; i < size; i++)
                {
                    trace[k, i] = record.Values[k][i];
                }
            }
        }
        else
        {
            var record = simulation.GetSpikes(sample.Spikes.First(m => m.Population == classifier.Source));
            for (int s = 0; s < record.Count; s++)
            {
                if (record.Steps[s] <= steps)
                {
                    trace[record.Steps[s] - 1, record.Neurons[s]] = 1;
                }
            }
        }
        var features = Aggregate(classifier.Aggregation, trace, steps, size);
        var scores = features;
        if (classifier.Weights is { } weights)
        {
            scores = new double[classifier.Classes];
            for (int c = 0; c < scores.Length; c++)
            {
                double sum = classifier.Bias?[c] ?? 0;
                for (int i = 0; i < size; i++)
                {
                    sum += weights[c * size + i] * features[i];
                }
                scores[c] = sum;
            }
        }
        int best = 0;
        for (int c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }
        return best;
    }

    private static double[] Aggregate(OnnxClassAggregation aggregation, double[,] trace, int steps, int size)
    {
        var features = new double[size];
        if (aggregation == OnnxClassAggregation.Max)
        {
            Array.Fill(features, double.NegativeInfinity);
        }
        for (int k = 0; k < steps; k++)
        {
            double max = double.NegativeInfinity, sum = 0;
            for (int i = 0; i < size; i++)
            {
                max = Math.Max(max, trace[k, i]);
            }
            for (int i = 0; i < size; i++)
            {
                sum += Math.Exp(trace[k, i] - max);
            }
            for (int i = 0; i < size; i++)
            {
                features[i] = aggregation switch
                {
                    OnnxClassAggregation.Sum => features[i] + trace[k, i],
                    OnnxClassAggregation.Max => Math.Max(features[i], trace[k, i]),
                    _ => features[i] + Math.Exp(trace[k, i] - max) / sum,
                };
            }
        }
        return features;
    }
}
