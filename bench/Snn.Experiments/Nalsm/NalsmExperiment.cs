using System.Diagnostics;
using Snn.Core.Simulation;
using Snn.Learning.Readout;
using Snn.Learning.Reservoir;

namespace Snn.Experiments.Nalsm;

/// <summary>
/// The Fashion-MNIST experiment of Ivanov &amp; Michmizos (2021), "Increasing liquid state machine
/// performance with edge-of-chaos dynamics organized by astrocyte-modulated plasticity", NeurIPS
/// 2021 (NALSM 1000: 83.05 ± 0.21 %, NALSM 8000: 85.61 ± 0.18 % test accuracy): build the liquid,
/// initialise it with plasticity on random short presentations (W_INI), present every sample from
/// W_INI and count spikes, normalise (c/‖c‖₁ over the training maximum) and train a softmax readout
/// with validation-based epoch selection (and, optionally, a ridge readout). The first
/// <see cref="NalsmOptions.TrainCount"/> training images train, the last
/// <see cref="NalsmOptions.ValidationCount"/> validate, the first <see cref="NalsmOptions.TestCount"/>
/// test images test.
/// </summary>
public static class NalsmExperiment
{
    /// <summary>Runs the whole protocol and both readouts: <see cref="Simulate"/>, then <see cref="Evaluate"/>.</summary>
    /// <param name="options">The protocol (validated).</param>
    /// <param name="backend">The engine (e.g. the CPU backend; one thread per network is best, the
    /// experiment runs <see cref="NalsmOptions.Workers"/> networks at once).</param>
    /// <param name="train">The training set (train + validation), e.g. Fashion-MNIST's 60 000 images as pixel/255.</param>
    /// <param name="test">The test set.</param>
    /// <param name="progress">Receives progress per phase.</param>
    /// <param name="cancellationToken">Stops between chunks.</param>
    public static NalsmResult Run(NalsmOptions options, IBackend backend, LabelledImages train, LabelledImages test,
        IProgress<ReservoirProgress>? progress = null, CancellationToken cancellationToken = default)
        => Evaluate(Simulate(options, backend, train, test, progress, cancellationToken), options, progress);

    /// <summary>Phases 1 and 2: builds the liquid, initialises it (W_INI) and presents every train,
    /// validation and test sample from W_INI, counting spikes.</summary>
    /// <param name="options">The protocol (validated).</param>
    /// <param name="backend">The engine.</param>
    /// <param name="train">The training set (train + validation).</param>
    /// <param name="test">The test set.</param>
    /// <param name="progress">Receives progress per phase.</param>
    /// <param name="cancellationToken">Stops between chunks.</param>
    /// <param name="checkpoint">Where the run saves W_INI and every finished chunk, and resumes from
    /// what an earlier run saved there (the result is the same, bit for bit); null for none.</param>
    /// <exception cref="ArgumentException"><paramref name="checkpoint"/> belongs to another protocol.</exception>
    public static LiquidFeatures Simulate(NalsmOptions options, IBackend backend, LabelledImages train, LabelledImages test,
        IProgress<ReservoirProgress>? progress = null, CancellationToken cancellationToken = default, LiquidCheckpoint? checkpoint = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        options.Validate();
        if (train.Count < options.TrainCount + options.ValidationCount)
        {
            throw new ArgumentException($"train has {train.Count} images; TrainCount + ValidationCount = {options.TrainCount + options.ValidationCount} are needed.", nameof(train));
        }
        if (test.Count < options.TestCount)
        {
            throw new ArgumentException($"test has {test.Count} images; TestCount = {options.TestCount} are needed.", nameof(test));
        }
        if (train.Images[0].Length != options.Liquid.InputCount || test.Images[0].Length != options.Liquid.InputCount)
        {
            throw new ArgumentException($"Images have {train.Images[0].Length} (train) and {test.Images[0].Length} (test) pixels; Liquid.InputCount = {options.Liquid.InputCount}.", nameof(train));
        }
        int validationStart = train.Count - options.ValidationCount;
        var trainImages = train.Images.AsSpan(0, options.TrainCount).ToArray();
        var validationImages = train.Images.AsSpan(validationStart, options.ValidationCount).ToArray();
        var testImages = test.Images.AsSpan(0, options.TestCount).ToArray();
        float scale = Math.Max(Math.Max(InputEncoding.NormalizationScale(trainImages), InputEncoding.NormalizationScale(validationImages)),
            InputEncoding.NormalizationScale(testImages));
        var trainP = Encode(trainImages, scale);
        var validationP = Encode(validationImages, scale);
        var testP = Encode(testImages, scale);

        string protocol = NalsmProtocol.Key(options);
        if (checkpoint is not null && checkpoint.Protocol != protocol)
        {
            throw new ArgumentException($"checkpoint '{checkpoint.FilePath}' belongs to another protocol ({NalsmProtocol.Difference(checkpoint.Protocol, protocol)}).", nameof(checkpoint));
        }

        var topology = LiquidTopology.Build(options.Liquid);
        var simulator = new LiquidSimulator(topology, options, backend);
        var clock = Stopwatch.StartNew();
        double initSeconds;
        if (checkpoint?.InitialWeights is { } saved)
        {
            simulator.SetWeights(saved);
            initSeconds = checkpoint.InitializationSeconds;
        }
        else
        {
            simulator.Initialize(trainP, progress, cancellationToken);
            initSeconds = clock.Elapsed.TotalSeconds;
            checkpoint?.SaveInitialWeights(simulator.Weights, initSeconds);
        }

        double before = checkpoint?.FeatureSecondsBefore ?? 0;
        clock.Restart();
        double FeatureSeconds() => before + clock.Elapsed.TotalSeconds;
        var trainResponses = simulator.Present(trainP, 0, "features train", progress, cancellationToken, checkpoint?.Journal(LiquidSplit.Train, FeatureSeconds));
        var validationResponses = simulator.Present(validationP, (ulong)validationStart, "features validation", progress, cancellationToken,
            checkpoint?.Journal(LiquidSplit.Validation, FeatureSeconds));
        var testResponses = simulator.Present(testP, 1UL << 32, "features test", progress, cancellationToken, checkpoint?.Journal(LiquidSplit.Test, FeatureSeconds));
        return new LiquidFeatures
        {
            Protocol = protocol,
            TrainCounts = trainResponses.Counts,
            TrainLabels = train.Labels.AsSpan(0, options.TrainCount).ToArray(),
            ValidationCounts = validationResponses.Counts,
            ValidationLabels = train.Labels.AsSpan(validationStart, options.ValidationCount).ToArray(),
            TestCounts = testResponses.Counts,
            TestLabels = test.Labels.AsSpan(0, options.TestCount).ToArray(),
            Measurements = new LiquidMeasurements
            {
                BranchingFactor = trainResponses.Branching.Value,
                MeanRateHz = trainResponses.MeanRateHz,
                LiquidSynapses = topology.Excitatory.Count + topology.Inhibitory.Count,
                InputSynapses = topology.Input.Count,
                InitializationSeconds = initSeconds,
                FeatureSeconds = FeatureSeconds(),
            },
        };
    }

    /// <summary>Phase 3: normalises the spike counts (c/‖c‖₁ over the training maximum) and trains the
    /// softmax readout (epoch chosen by validation) and, with <see cref="NalsmOptions.RidgePenalty"/>,
    /// the ridge readout.</summary>
    /// <param name="features">The liquid's responses (from <see cref="Simulate"/> or <see cref="LiquidFeatureFile.Load"/>).</param>
    /// <param name="options">The protocol; its simulation settings must be the ones that produced
    /// <paramref name="features"/> (only the readout settings may differ).</param>
    /// <param name="progress">Receives the readout's epochs.</param>
    /// <exception cref="ArgumentException">The features come from another protocol.</exception>
    public static NalsmResult Evaluate(LiquidFeatures features, NalsmOptions options, IProgress<ReservoirProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string expected = NalsmProtocol.Key(options);
        if (features.Protocol != expected)
        {
            throw new ArgumentException($"features were simulated with another protocol ({NalsmProtocol.Difference(features.Protocol, expected)}); only the readout settings may differ.", nameof(features));
        }
        var clock = Stopwatch.StartNew();
        var xTrain = FeatureScaling.L1Normalize(features.TrainCounts);
        var xValidation = FeatureScaling.L1Normalize(features.ValidationCounts);
        var xTest = FeatureScaling.L1Normalize(features.TestCounts);
        float maximum = FeatureScaling.Maximum(xTrain);
        FeatureScaling.Scale(xTrain, maximum);
        FeatureScaling.Scale(xValidation, maximum);
        FeatureScaling.Scale(xTest, maximum);
        var yTrain = features.TrainLabels;
        var yValidation = features.ValidationLabels;
        var yTest = features.TestLabels;
        int classes = Math.Max(2, Math.Max(Max(yTrain), Math.Max(Max(yValidation), Max(yTest))) + 1);
        var softmax = SoftmaxReadout.Train(xTrain, yTrain, classes, options.Softmax, xValidation, yValidation, progress);
        double? ridgeTest = null;
        double? ridgeValidation = null;
        if (options.RidgePenalty is { } penalty)
        {
            var ridge = RidgeReadout.Fit(xTrain, yTrain, classes, penalty);
            ridgeTest = ridge.Accuracy(xTest, yTest);
            ridgeValidation = ridge.Accuracy(xValidation, yValidation);
        }
        double readoutSeconds = clock.Elapsed.TotalSeconds;
        int presented = yTrain.Length + yValidation.Length + yTest.Length;
        return new NalsmResult
        {
            Options = options,
            TestAccuracy = softmax.Accuracy(xTest, yTest),
            ValidationAccuracy = softmax.Accuracy(xValidation, yValidation),
            BestEpoch = softmax.BestEpoch,
            RidgeTestAccuracy = ridgeTest,
            RidgeValidationAccuracy = ridgeValidation,
            Liquid = features.Measurements,
            ReadoutSeconds = readoutSeconds,
            FeatureMsPerSample = 1000 * features.Measurements.FeatureSeconds / presented,
            InitializationMsPerSample = options.InitializationSamples == 0 || options.Mode == ReservoirMode.Static ? 0 : 1000 * features.Measurements.InitializationSeconds / options.InitializationSamples,
        };
    }

    private static float[][] Encode(float[][] images, float scale)
    {
        var result = new float[images.Length][];
        for (int i = 0; i < images.Length; i++)
        {
            result[i] = InputEncoding.Probabilities(images[i], scale);
        }
        return result;
    }

    private static int Max(int[] values)
    {
        int max = 0;
        foreach (int v in values)
        {
            max = Math.Max(max, v);
        }
        return max;
    }
}
