using System.Diagnostics;
using System.Globalization;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;
using Snn.Backends.Gpu;
using Snn.Bench.Compare;
using Snn.Experiments.Delays;
using Snn.Learning.Gradient;
using Snn.Learning.Gradient.Gpu;

namespace Snn.Bench.GpuCheck;

/// <summary>
/// The delay trainer's batch pass (forward and backpropagation through time, no optimiser step) on
/// the GPU against the same pass on the CPU. First the loss and every gradient of a small
/// two-hidden-layer network with learned delays, batch norm and dropout are compared (the step
/// fails when any gradient differs by more than <see cref="RelativeTolerance"/> of its tensor's
/// largest value); then both passes are timed on the SHD recipe's shape (140-256-256-20, K = 25,
/// 100 steps, batch 256, input density 5 %), which is reported, not judged. A dry run times a
/// 12-16-16-5 network with batch 4 instead.
/// </summary>
public sealed class DelayTrainerStep : IGpuCheckStep
{
    /// <summary>The largest gradient difference allowed, relative to the largest value of its tensor.</summary>
    public const double RelativeTolerance = 1e-4;

    private const double Density = 0.05;

    /// <inheritdoc />
    public string Name => "delay-trainer";

    /// <inheritdoc />
    public string Description => "delay trainer batch pass, GPU vs CPU: gradients agree, then samples/s on the SHD shape (140-256-256-20, K 25, batch 256)";

    /// <inheritdoc />
    public int EstimatedSeconds => 40;

    /// <inheritdoc />
    public int TimeoutSeconds => 180;

    /// <inheritdoc />
    public GpuCheckStepResult Run(GpuCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var ilgpu = CreateContext(context.Settings.Accelerator);
        using var accelerator = ilgpu.GetPreferredDevice(preferCPU: context.Settings.Accelerator == GpuAccelerator.Cpu).CreateAccelerator(ilgpu);
        var (worst, worstTensor, lossDifference) = Agreement(accelerator, context.Settings.Seed);

        var config = context.Pick(ShdRecipe.Config, new DelayNetworkConfig { Inputs = 12, Hidden = [16, 16], Classes = 5, MaxDelaySteps = 7, TauSteps = 2, Dropout = 0.4 });
        int steps = context.Pick(ShdRecipe.Steps, 20);
        int batch = context.Pick(ShdRecipe.Options.BatchSize, 4);
        int batches = context.Pick(4, 1);
        double sigma = config.SigmaInit;
        var data = GradientAgreement.RandomSpikes(config, steps, batch * batches, Density, context.Settings.Seed);
        var network = DelayNetwork.Create(config, context.Settings.Seed);
        double gpu;
        using (var pass = new DelayGpuPass(accelerator, network, steps, batch))
        {
            gpu = pass.MeasureSamplesPerSecond(data, batch, sigma);
        }
        double cpu = CpuSamplesPerSecond(network, config, steps, batch, batches, sigma, context.Settings.Seed);

        bool agrees = worst <= RelativeTolerance;
        var metrics = new Dictionary<string, double>
        {
            ["worst_relative_gradient_difference"] = worst,
            ["loss_difference"] = lossDifference,
            ["gpu_samples_per_second"] = gpu,
            ["cpu_samples_per_second"] = cpu,
            ["gpu_over_cpu"] = gpu / cpu,
        };
        string shape = $"{config.Inputs}-{string.Join('-', config.Hidden)}-{config.Classes} K{config.MaxDelaySteps}, {steps} steps, batch {batch}";
        var findings = new List<string>
        {
            $"device: {accelerator.Name} ({accelerator.AcceleratorType}, {GpuCheckFormat.Bytes(accelerator.MemorySize)})",
            string.Create(CultureInfo.InvariantCulture,
                $"gradients 5-6-4-3, K 5, batch 3, learned delays, batch norm, dropout 0.3: worst relative difference {worst:E2} ({worstTensor}), loss difference {lossDifference:E2}; tolerance {RelativeTolerance:E0}"),
            string.Create(CultureInfo.InvariantCulture,
                $"{shape}, sigma {sigma}: GPU {gpu:F1} samples/s, CPU ({context.CpuThreads} threads) {cpu:F1} samples/s, GPU/CPU {gpu / cpu:F2}"),
        };
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"gradients {(agrees ? "agree" : "differ")} ({worst:E1}); {shape}: GPU {gpu:F0} vs CPU {cpu:F0} samples/s ({gpu / cpu:F2}x)");
        return new GpuCheckStepResult(Name, agrees ? GpuCheckStatus.Passed : GpuCheckStatus.Failed, 0, 0, summary, metrics, findings);
    }

    private static Context CreateContext(GpuAccelerator kind) => Context.Create(builder =>
    {
        _ = kind switch
        {
            GpuAccelerator.Cuda => builder.Cuda(),
            GpuAccelerator.OpenCl => builder.OpenCL(),
            GpuAccelerator.Cpu => builder.CPU(),
            _ => builder.Cuda().OpenCL().CPU(),
        };
    });

    private static (double Worst, string Tensor, double LossDifference) Agreement(Accelerator accelerator, ulong seed)
    {
        var config = new DelayNetworkConfig { Inputs = 5, Hidden = [6, 4], Classes = 3, Delays = DelayMode.Learned, MaxDelaySteps = 5, TauSteps = 2, Dropout = 0.3, BatchNorm = true };
        const int steps = 8;
        var batch = GradientAgreement.RandomSpikes(config, steps, 3, 0.4, seed);
        var network = DelayNetwork.Create(config, seed);
        var cpu = DelayTrainer.Gradients(network, batch, 1.5, seed);
        using var pass = new DelayGpuPass(accelerator, network, steps, batch.Count);
        var gpu = pass.Gradients(batch, 1.5, seed);
        double worst = 0;
        string tensor = "-";
        for (int l = 0; l < network.LayerCount; l++)
        {
            foreach (var (name, expected, actual) in new[] { ("weights", cpu.Weights[l], gpu.Weights[l]), ("positions", cpu.Positions[l], gpu.Positions[l]),
                ("gamma", cpu.Gamma[l], gpu.Gamma[l]), ("beta", cpu.Beta[l], gpu.Beta[l]) })
            {
                double difference = RelativeDifference(expected, actual);
                if (difference > worst)
                {
                    (worst, tensor) = (difference, $"layer {l} {name}");
                }
            }
        }
        return (worst, tensor, Math.Abs(cpu.Loss - gpu.Loss));
    }

    private static double RelativeDifference(float[] expected, float[] actual)
    {
        if (expected.Length != actual.Length)
        {
            return double.PositiveInfinity;
        }
        double scale = expected.Length == 0 ? 0 : expected.Max(Math.Abs);
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(expected[i] - actual[i]));
        }
        return scale == 0 ? worst : worst / scale;
    }

    private static double CpuSamplesPerSecond(DelayNetwork network, DelayNetworkConfig config, int steps, int batch, int batches, double sigma, ulong seed)
    {
        var slices = Enumerable.Range(0, batches).Select(b => GradientAgreement.RandomSpikes(config, steps, batch, Density, seed + (ulong)b)).ToArray();
        DelayTrainer.Gradients(network, slices[0], sigma);
        var clock = Stopwatch.StartNew();
        foreach (var slice in slices)
        {
            DelayTrainer.Gradients(network, slice, sigma);
        }
        return batches * batch / clock.Elapsed.TotalSeconds;
    }
}
