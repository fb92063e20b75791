using System.Globalization;
using Snn.Bench.Compare;
using Snn.Bench.Suites;
using Snn.Experiments.Delays;
using Snn.Learning.Gradient;

namespace Snn.Bench.Studies;

/// <summary>
/// The <c>trainer-vs-torch</c> study: <see cref="DelayTrainer"/> against an independent PyTorch
/// implementation of the same network (<c>bench/peers/torch_dcls.py</c>, Debian's
/// <c>python3-torch</c>). First the loss and every gradient of a small network are compared on one
/// batch, at a wide and a narrow Gaussian. Then the training throughput (forward, backward,
/// optimiser step) of both on identical random binary input at 10 % density (SHD-like) and
/// identical initial parameters: the SHD recipe's shapes (140 → 256 → 256 → 20, K = 25, batch 256,
/// 100 steps) and the two ablation shapes, each at the initial σ and at the final σ = 0.23,
/// Snn and PyTorch alternating, PyTorch on <see cref="Threads"/> threads. Full: 3 alternations
/// of 4 SHD batches (20 ablation batches); <c>--quick</c>: 1 alternation of 1 (5).
/// </summary>
public static class TrainerVsTorchAnalysis
{
    /// <summary>Input spikes per step and channel.</summary>
    public const double Density = 0.1;

    /// <summary>PyTorch's threads (Snn uses every core the machine has).</summary>
    public const int Threads = 2;

    /// <summary>The annealed Gaussian width (steps).</summary>
    public const double SmallSigma = 0.23;

    /// <summary>The small network of the gradient check.</summary>
    public static DelayNetworkConfig CheckConfig { get; } = new()
    {
        Inputs = 12,
        Hidden = [16, 16],
        Classes = 5,
        MaxDelaySteps = 7,
        TauSteps = 2,
        Dropout = 0,
    };

    /// <summary>Why the study cannot run (no PyTorch, or the peer script is missing), or null.</summary>
    public static string? CheckInputs(StudyContext context)
    {
        var peer = TorchDelayPeer.Default();
        if (peer is null)
        {
            return $"trainer-vs-torch needs peers/{TorchDelayPeer.ScriptName} next to snn-bench (bench/peers in the repository); rebuild the bench.";
        }
        return peer.IsAvailable() ? null : $"trainer-vs-torch skipped: {TorchDelayPeer.InstallHint}";
    }

    /// <summary>Runs the study.</summary>
    public static SuiteAnalysis Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var peer = TorchDelayPeer.Default() ?? throw new InvalidOperationException(CheckInputs(context));
        var metrics = new Dictionary<string, double>();
        var findings = new List<string>();
        string folder = Path.Combine(Path.GetTempPath(), $"snn-trainer-vs-torch-{Environment.ProcessId}");
        try
        {
            foreach (double sigma in new[] { 3.0, 0.5 })
            {
                context.Report($"gradient check, sigma {sigma}");
                var agreement = GradientAgreement.Measure(peer, folder, CheckConfig, steps: 30, samples: 8, density: 0.3, sigma, context.Seed);
                string key = Key(sigma);
                metrics[$"check_{key}_loss_difference"] = Math.Abs(agreement.SnnLoss - agreement.TorchLoss);
                metrics[$"check_{key}_worst_relative_gradient_difference"] = agreement.WorstRelativeDifference;
                findings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"gradients, 12 → 16 → 16 → 5, K = 7, 8 samples x 30 steps, sigma {sigma}: loss Snn {agreement.SnnLoss:G9} vs PyTorch {agreement.TorchLoss:G9}; {agreement.Compared} gradient values, worst relative difference {agreement.WorstRelativeDifference:E2} ({agreement.WorstTensor})"));
            }

            int repeats = context.Quick ? 1 : 3;
            findings.Add($"throughput (samples/s, training steps incl. optimiser), median of {repeats} alternating run(s), input density {Density:P0}, Snn on {Environment.ProcessorCount} cores, PyTorch {Threads} threads; the machine may be shared");
            findings.Add("shape                         sigma   Snn      PyTorch  Snn/PyTorch");
            var (ablationTiming, _) = DelayAblation.TimingTask(6, 20);
            var (ablationImages, _) = DelayAblation.RowSequentialImages(28, 10);
            var shapes = new (string Name, string Key, DelayNetworkConfig Config, int Steps, int Batch, int Batches)[]
            {
                ("SHD 140-256-256-20 K25 b256", "shd", ShdRecipe.Config, ShdRecipe.Steps, 256, context.Quick ? 1 : 4),
                ("timing 6-32-32-20 K25 b32", "timing", ablationTiming, 50, 32, context.Quick ? 5 : 20),
                ("images 28-64-64-10 K9 b64", "images", ablationImages, 28, 64, context.Quick ? 5 : 20),
            };
            foreach (var shape in shapes)
            {
                foreach (double sigma in new[] { shape.Config.SigmaInit, SmallSigma })
                {
                    context.Report($"{shape.Key} sigma {sigma}");
                    var (snn, torch) = Throughput(peer, folder, shape.Config, shape.Steps, shape.Batch, shape.Batches, sigma, repeats, context.Seed);
                    string key = $"{shape.Key}_{Key(sigma)}";
                    metrics[$"{key}_snn_samples_per_second"] = snn;
                    metrics[$"{key}_torch_samples_per_second"] = torch;
                    metrics[$"{key}_ratio"] = snn / torch;
                    findings.Add(string.Create(CultureInfo.InvariantCulture, $"{shape.Name,-29} {sigma,5:0.##}  {snn,7:F1}  {torch,7:F1}  {snn / torch,6:F2}"));
                }
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        return new SuiteAnalysis(metrics, findings);
    }

    private static (double Snn, double Torch) Throughput(TorchDelayPeer peer, string folder, DelayNetworkConfig config, int steps, int batch, int batches, double sigma,
        int repeats, ulong seed)
    {
        config = config with { SigmaInit = sigma, SigmaFinal = sigma };
        var data = GradientAgreement.RandomSpikes(config, steps, batch * batches, Density, seed);
        var warmUp = GradientAgreement.RandomSpikes(config, steps, batch, Density, seed + 1);
        TorchDelayPeer.WriteInputs(folder, DelayNetwork.Create(config, seed), data);
        var options = new TrainingOptions { Epochs = 1, BatchSize = batch, Seed = seed, EvaluateEveryEpoch = false };
        DelayTrainer.Train(config, warmUp, null, options);
        var snn = new List<double>();
        var torch = new List<double>();
        for (int r = 0; r < repeats; r++)
        {
            snn.Add(DelayTrainer.Train(config, data, null, options).SamplesPerSecond);
            torch.Add(peer.TrainingThroughput(folder, config, steps, sigma, batch, Threads, TimeSpan.FromMinutes(10)));
        }
        return (Statistics.Median(snn), Statistics.Median(torch));
    }

    private static string Key(double sigma) => "sigma" + sigma.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', 'p');
}
