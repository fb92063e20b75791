using System.Globalization;
using Snn.Bench.Suites;
using Snn.Core.Simulation;

namespace Snn.Bench.GpuCheck;

/// <summary>
/// Spike agreement between the GPU and the CPU engine on the same seed, in three networks:
/// <list type="bullet">
/// <item><c>feed-forward</c> (<see cref="FeedForwardNetwork"/>, at most two inputs per neuron and
/// step) and <c>cuba</c> (recurrent; its weights, 20.25 and −112.5 pA, are multiples of 1/4, so
/// every sum of them is exact in float): the sums are order-independent, so the spikes must be
/// bit-identical;</item>
/// <item><c>microcircuit</c> at 10 % of the neurons (normally distributed weights: the device's
/// atomic adds sum in any order): the rates must agree within <see cref="EngineComparisonStep.RateTolerance"/>,
/// and the first step where the spikes diverge is reported.</item>
/// </list>
/// </summary>
public sealed class AgreementStep : IGpuCheckStep
{
    /// <inheritdoc />
    public string Name => "agreement";

    /// <inheritdoc />
    public string Description => "spike agreement GPU vs CPU: bit-identical where sums are order-independent (feed-forward, CUBA 40k), rates within 2 % otherwise (microcircuit 10 %)";

    /// <inheritdoc />
    public int EstimatedSeconds => 30;

    /// <inheritdoc />
    public int TimeoutSeconds => 90;

    /// <inheritdoc />
    public GpuCheckStepResult Run(GpuCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ulong seed = context.Settings.Seed;
        var cases = new (string Name, bool Exact, Func<BuiltNetwork> Build, double Ms)[]
        {
            ("feed-forward", true, () => FeedForwardNetwork.Build(context.Pick(20_000, 40), seed), context.Pick(1000.0, 10.0)),
            ("cuba", true, () => SuiteCatalog.Cuba.Build(context.Pick(40_000, 300), seed), context.Pick(1000.0, 10.0)),
            ("microcircuit", false, () => SuiteCatalog.Microcircuit.Build(context.Pick(SuiteCatalog.Microcircuit.DefaultSize, SuiteCatalog.Microcircuit.MinimumSize), seed), context.Pick(1000.0, 5.0)),
        };
        var metrics = new Dictionary<string, double>();
        var findings = new List<string>();
        var parts = new List<string>();
        bool passed = true;
        foreach (var (name, exact, build, ms) in cases)
        {
            var gpu = Run(build(), context.Gpu(), ms);
            var cpu = Run(build(), context.Cpu(), ms);
            var agreement = SpikeAgreement.Compare(cpu.Names, cpu.Records, gpu.Records);
            bool ok = agreement.ReferenceSpikes > 0 && (exact
                ? agreement.Identical
                : Math.Abs(agreement.RateRelativeDifference) <= EngineComparisonStep.RateTolerance);
            passed &= ok;
            string key = name.Replace('-', '_') + "_";
            GpuCheckFormat.AddAgreement(metrics, key, agreement);
            metrics[key + "neurons"] = cpu.Neurons;
            metrics[key + "simulated_ms"] = ms;
            findings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{name} ({cpu.Neurons:N0} neurons, {ms:G4} ms, {(exact ? "order-independent sums: identical spikes required" : $"order-dependent sums: rates within {EngineComparisonStep.RateTolerance:P0} required")}): {(ok ? "ok" : "FAILED")}; {GpuCheckFormat.Agreement(agreement)}"));
            findings.AddRange(GpuCheckFormat.Populations(agreement));
            parts.Add($"{name}: {(ok ? "" : "FAILED, ")}{GpuCheckFormat.AgreementShort(agreement)}");
        }
        return new GpuCheckStepResult(Name, passed ? GpuCheckStatus.Passed : GpuCheckStatus.Failed, 0, 0, string.Join("; ", parts), metrics, findings);
    }

    private static (string[] Names, Snn.Core.Monitors.SpikeRecord[] Records, int Neurons) Run(BuiltNetwork built, IBackend backend, double ms)
    {
        using var simulation = backend.Compile(built.Network);
        simulation.Run(ms);
        return (built.Spikes.Select(m => m.Population.Name).ToArray(), built.Spikes.Select(m => simulation.GetSpikes(m)).ToArray(), built.Network.NeuronCount);
    }
}
