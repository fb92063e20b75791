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

    /// <summary>Reads the finished feature file <paramref name="featuresPath"/> and removes a stale
    /// <see cref="PartialPath"/> next to it: one of the same protocol, left by a run that stopped
    /// between writing the feature file and removing its partial file, so that every chunk it holds
    /// is in the feature file.</summary>
    /// <param name="featuresPath">The feature file.</param>
    /// <returns>The features, and whether a stale partial file was removed.</returns>
    /// <exception cref="InvalidDataException">The feature file, or the header of the partial file next to it, is damaged.</exception>
    /// <exception cref="InvalidOperationException">The partial file next to it belongs to another protocol, so it is not
    /// left over from the run that wrote the features (it is kept; the message names the settings that differ).</exception>
    public static (LiquidFeatures Features, bool RemovedStalePartial) Load(string featuresPath)
    {
        var features = LiquidFeatureFile.Load(featuresPath);
        string partial = PartialPath(featuresPath);
        if (!File.Exists(partial))
        {
            return (features, false);
        }
        string saved = LiquidCheckpoint.ReadProtocol(partial);
        if (saved != features.Protocol)
        {
            throw new InvalidOperationException($"The partial features '{partial}' were simulated with another protocol than the finished features '{featuresPath}' "
                + $"({NalsmProtocol.Difference(saved, features.Protocol)}); they are not left over from the run that wrote them: move or delete one of the two.");
        }
        File.Delete(partial);
        return (features, true);
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
