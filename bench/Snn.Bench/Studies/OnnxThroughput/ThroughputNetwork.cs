using Snn.Backends.Onnx;
using Snn.Core;
using Snn.Core.Monitors;

namespace Snn.Bench.Studies.OnnxThroughput;

/// <summary>
/// A network of the <c>onnx-throughput</c> study: its samples (input spikes, [steps, inputs] 0/1
/// each) and a builder that makes the simulator network fed with one sample, so the CPU engine
/// runs each sample as a simulation and the exporter writes the same weights once.
/// </summary>
/// <param name="Name">Short name for tables.</param>
/// <param name="Steps">Steps a sample is simulated for (the input is zero after its own steps).</param>
/// <param name="Inputs">Input channels.</param>
/// <param name="Samples">The test samples, [steps, inputs] each.</param>
/// <param name="Build">Builds the network fed with a sample.</param>
internal sealed record ThroughputNetwork(string Name, int Steps, int Inputs, float[][] Samples, Func<float[], ThroughputSample> Build);

/// <summary>One sample's simulator network, the classifier head that reads it, and the monitor
/// its CPU-engine prediction is read from.</summary>
/// <param name="Network">The network with the sample as its spike source.</param>
/// <param name="Classifier">The class read-out (the exported head, and the rule the engine's prediction follows).</param>
/// <param name="Spikes">Spike monitors of every model population (for spike agreement).</param>
/// <param name="Membrane">The state monitor of the classifier's membrane signal, or null for a spike signal.</param>
internal sealed record ThroughputSample(Network Network, OnnxClassifier Classifier, SpikeMonitor[] Spikes, StateMonitor? Membrane);
