using Snn.Core.Simulation;
using Snn.Learning.Reservoir;

namespace Snn.Experiments.Nalsm;

/// <summary>
/// Simulates the liquid's features into a <see cref="LiquidFeatureFile"/> so that the run survives
/// being stopped or killed: the progress goes to <see cref="PartialPath"/> as it is made
/// (<see cref="LiquidCheckpoint"/>), running the same protocol again with the same feature file
/// resumes from it, and once every chunk is done the feature file is written (atomically) and the
/// partial file removed. The features are bit-identical to those of one uninterrupted run.
/// </summary>
public static class LiquidFeatureRun
{
    /// <summary>The partial file kept next to a feature file while it is simulated: its path plus ".partial".</summary>
    public static string PartialPath(string featuresPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(featuresPath);
        return featuresPath + ".partial";
    }

    /// <summary>Simulates (or finishes simulating) the features of <paramref name="options"/> and writes them to <paramref name="featuresPath"/>.</summary>
    /// <param name="options">The protocol (validated).</param>
    /// <param name="backend">The engine.</param>
    /// <param name="train">The training set (train + validation).</param>
    /// <param name="test">The test set.</param>
    /// <param name="featuresPath">The feature file to write; its partial file is <see cref="PartialPath"/>.</param>
    /// <param name="resuming">Receives <see cref="LiquidCheckpoint.Summary"/> when an earlier run's partial file is resumed.</param>
    /// <param name="progress">Receives progress per phase.</param>
    /// <param name="cancellationToken">Stops between chunks; the partial file keeps every finished chunk.</param>
    /// <exception cref="InvalidOperationException">The partial file belongs to another protocol.</exception>
    /// <exception cref="InvalidDataException">The partial file is damaged (the message names the byte offset).</exception>
    public static LiquidFeatures Simulate(NalsmOptions options, IBackend backend, LabelledImages train, LabelledImages test, string featuresPath,
        Action<string>? resuming = null, IProgress<ReservoirProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string partial = PartialPath(featuresPath);
        bool resumed = File.Exists(partial);
        using var checkpoint = LiquidCheckpoint.Open(partial, options, LiquidTopology.Build(options.Liquid));
        if (resumed)
        {
            resuming?.Invoke(checkpoint.Summary());
        }
        var features = NalsmExperiment.Simulate(options, backend, train, test, progress, cancellationToken, checkpoint);
        LiquidFeatureFile.Save(features, featuresPath);
        checkpoint.Delete();
        return features;
    }
}
