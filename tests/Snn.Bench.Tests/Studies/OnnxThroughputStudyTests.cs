using Microsoft.ML.OnnxRuntime;
using Snn.Backends.Cpu;
using Snn.Backends.Onnx;
using Snn.Bench.Cli;
using Snn.Bench.Results;
using Snn.Bench.Studies.OnnxThroughput;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;

namespace Snn.Bench.Tests.Studies;

public class OnnxThroughputStudyTests
{
    private static readonly string[] Networks = ["delay_model", "dense_784", "recurrent_1000"];

    /// <summary>End to end (about half a minute): the quick study on 32 samples with one thread.</summary>
    [Fact]
    public void QuickStudyAgreesWithTheEngineOnEveryClassAndKeepsTheFastGraphSmall()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "onnx-throughput", "--quick", "--threads", "1", "--size", "32", "--out", directory.Path]);

        Assert.Equal(0, code);
        var study = Assert.Single(ResultsJson.Read(Path.Combine(directory.Path, ResultsJson.FileName)).Studies);
        Assert.Equal("onnx-throughput", study.Study);
        Assert.Equal(32, study.Metrics["samples"]);
        foreach (string network in Networks)
        {
            // Every class equal, and the engine's classes vary, so the agreement is not that of a constant output.
            Assert.Equal(1.0, study.Metrics[$"{network}_fast_class_agreement"]);
            Assert.True(study.Metrics[$"{network}_cpu_distinct_classes"] >= 2, $"{network}: the engine predicted one class for every sample");
            Assert.True(study.Metrics[$"{network}_fast_spike_events"] > 100, $"{network}: only {study.Metrics[$"{network}_fast_spike_events"]} spikes compared");
            Assert.True(study.Metrics[$"{network}_fast_spike_agreement"] >= 0.9, $"{network}: spike agreement {study.Metrics[$"{network}_fast_spike_agreement"]}");
            // Float16 weights: measured like the fast form, in a file smaller than float32's.
            Assert.False(study.Metrics.ContainsKey($"{network}_fast_f16_refused"), $"{network}: the float16 export was refused");
            Assert.True(study.Metrics[$"{network}_fast_f16_bytes"] < study.Metrics[$"{network}_fast_bytes"], $"{network}: float16 file {study.Metrics[$"{network}_fast_f16_bytes"]} bytes, float32 {study.Metrics[$"{network}_fast_bytes"]}");
            Assert.True(study.Metrics[$"{network}_fast_f16_nodes"] > 0);
            Assert.True(study.Metrics[$"{network}_fast_f16_spike_events"] > 100, $"{network}: only {study.Metrics[$"{network}_fast_f16_spike_events"]} float16 spikes compared");
            Assert.InRange(study.Metrics[$"{network}_fast_f16_spike_agreement"], 0.9, 1.0);
            Assert.True(study.Metrics.ContainsKey($"{network}_fast_f16_first_divergent_step"));
            Assert.True(study.Metrics.ContainsKey($"{network}_fast_f16_rate_difference"));
            Assert.InRange(study.Metrics[$"{network}_fast_f16_class_agreement"], 0.0, 1.0);
            // The floor control: on all-zero input no neuron spikes, and its ratio is to the engine on the real samples.
            Assert.Equal(0, study.Metrics[$"{network}_cpu_silent_spikes"]);
            Assert.True(study.Metrics.ContainsKey($"{network}_cpu_silent_t1_samples_per_second"));
            Assert.Equal(study.Metrics[$"{network}_fast_silent_b32_t1_samples_per_second"] / study.Metrics[$"{network}_cpu_t1_samples_per_second"],
                study.Metrics[$"{network}_fast_silent_b32_t1_vs_cpu"], 12);
            Assert.False(study.Metrics.ContainsKey($"{network}_fast_f16_silent_b32_t1_samples_per_second"));
            // The latency layout: the engine's classes, and the issue's batch-1 measure against the exact form.
            Assert.Equal(1.0, study.Metrics[$"{network}_fast_latency_class_agreement"]);
            Assert.True(study.Metrics[$"{network}_fast_latency_spike_agreement"] >= 0.9, $"{network}: latency-form spike agreement {study.Metrics[$"{network}_fast_latency_spike_agreement"]}");
            foreach (string form in new[] { "fast", "fast_f16", "fast_latency", "exact" })
            {
                Assert.True(study.Metrics[$"{network}_{form}_b1_t1_samples_per_second"] > 0);
                Assert.True(study.Metrics[$"{network}_{form}_b32_t1_samples_per_second"] > 0);
                Assert.True(study.Metrics[$"{network}_{form}_bytes"] > 0);
            }
            foreach (string form in new[] { "fast", "fast_f16", "fast_latency" })
            {
                Assert.Equal(study.Metrics[$"{network}_{form}_b1_t1_samples_per_second"] / study.Metrics[$"{network}_exact_b1_t1_samples_per_second"],
                    study.Metrics[$"{network}_{form}_b1_t1_vs_exact"], 12);
            }
            Assert.False(study.Metrics.ContainsKey($"{network}_exact_b1_t1_vs_exact"));
        }
        // The latency hint gives the liquid's in-loop delivery per-run tables; the two feed-forward networks deliver
        // nothing inside a loop, so their graphs are the same under both hints.
        Assert.Equal(study.Metrics["delay_model_fast_nodes"], study.Metrics["delay_model_fast_latency_nodes"]);
        Assert.Equal(study.Metrics["dense_784_fast_nodes"], study.Metrics["dense_784_fast_latency_nodes"]);
        Assert.NotEqual(study.Metrics["recurrent_1000_fast_nodes"], study.Metrics["recurrent_1000_fast_latency_nodes"]);
        // The exact form adds each of a target's 784 inputs one node at a time; the fast form's graph
        // does not grow with the in-degree: a fixed handful of nodes per projection group and stage,
        // under a tenth of the exact form's.
        Assert.True(study.Metrics["dense_784_exact_nodes"] > 784);
        Assert.True(study.Metrics["dense_784_fast_nodes"] * 10 < study.Metrics["dense_784_exact_nodes"], $"fast form: {study.Metrics["dense_784_fast_nodes"]} nodes");
        Assert.Contains("distinct classes", console.Text);
        Assert.Contains("engine spike events identical", console.Text);
        Assert.Contains("fast-f16-form class = engine class", console.Text);
        Assert.Contains("fast form on all-zero input", console.Text);
        Assert.Contains("batch 1, 1 thread, samples/s over the exact form's: fast ", console.Text);

        // The float16 class agreement is that of a float16 export run here directly on the same
        // samples (the study's default seed, quick steps) against the CPU engine's classes.
        Assert.Equal(Float16ClassAgreement(ThroughputNetworks.DenseClassifier(RunSettings.DefaultSeed, 32, 50)), study.Metrics["dense_784_fast_f16_class_agreement"]);
        Assert.Equal(Float16ClassAgreement(ThroughputNetworks.RecurrentLiquid(RunSettings.DefaultSeed, 32, 50)), study.Metrics["recurrent_1000_fast_f16_class_agreement"]);
    }

    /// <summary>A weight beyond float16's range: the float16 form is refused with the exporter's
    /// message (which the study reports by name), the float32 fast form is exported.</summary>
    [Fact]
    public void AFormTheExporterRefusesIsReportedWithItsMessage()
    {
        var network = new ThroughputNetwork("huge-weight", 1, 1, [[1f]], sample =>
        {
            var built = new Network(1, dt: 1.0);
            var input = built.AddSpikeSource("input", [[1.0]]);
            var target = built.AddPopulation("target", 2, new LifCurrent());
            built.Connect(input, target, Connectivity.AllToAll(), Synapse.Excitatory(Dist.Constant(70_000)));
            return new ThroughputSample(built, new OnnxClassifier(target, OnnxReadoutSignal.Spikes, OnnxClassAggregation.Sum), [], null);
        });
        var half = ThroughputForm.All.Single(f => f.Label == "fast-f16");
        var single = ThroughputForm.All.Single(f => f.Label == "fast");

        Assert.False(OnnxThroughputAnalysis.TryExport(network, half, out _, out string? refusal));
        Assert.Contains("70000", refusal);
        Assert.True(OnnxThroughputAnalysis.TryExport(network, single, out var model, out _));
        Assert.True(model.NodeCount > 0);
    }

    /// <summary>The share of samples whose class from a fast float16 export, all samples in one batch,
    /// equals the CPU engine's class.</summary>
    private static double Float16ClassAgreement(ThroughputNetwork network)
    {
        var engine = network.Samples.Select(sample =>
        {
            var built = network.Build(sample);
            using var simulation = new CpuBackend().Compile(built.Network);
            simulation.Run(network.Steps * built.Network.Dt);
            return (long)ClassifierRule.Predict(built, simulation, network.Steps);
        }).ToArray();
        var head = network.Build(new float[network.Steps * network.Inputs]);
        var model = OnnxExporter.Build(head.Network, new OnnxExportOptions
        {
            Form = OnnxModelForm.Fast,
            WeightPrecision = OnnxWeightPrecision.Float16,
            OutputPopulations = [],
            Classifier = head.Classifier,
        });
        int batch = network.Samples.Length;
        var input = new float[network.Steps * batch * network.Inputs];
        for (int b = 0; b < batch; b++)
        {
            for (int k = 0; k < network.Steps; k++)
            {
                network.Samples[b].AsSpan(k * network.Inputs, network.Inputs).CopyTo(input.AsSpan((k * batch + b) * network.Inputs));
            }
        }
        using var session = OnnxSessions.Open(model.Bytes, OnnxExecutionProvider.Cpu, 1);
        using var value = OrtValue.CreateTensorValueFromMemory(input, [network.Steps, batch, network.Inputs]);
        using var options = new RunOptions();
        using var results = session.Run(options, [model.Layout.InputName], [value], [model.Layout.PredictedClassOutput!]);
        var classes = results[0].GetTensorDataAsSpan<long>().ToArray();
        Assert.Equal(batch, classes.Length);
        return (double)classes.Zip(engine).Count(p => p.First == p.Second) / batch;
    }
}
