using Snn.Core;
using Snn.Core.Models;

namespace Snn.Backends.Onnx;

/// <summary>
/// The names and shapes of an exported model's tensors. The input <see cref="InputName"/> holds the
/// spikes of the network's input populations (every population whose synapse kind is
/// <see cref="SynapseKind.None"/>: spike sources and Poisson sources) side by side in network order,
/// 1 where a neuron fires in a step, else 0: [steps, batch, <see cref="InputWidth"/>] in the
/// time-loop shape, [batch, <see cref="InputWidth"/>] in the single-step shape. A spike given for
/// step k is emitted at time (k + 1)·dt and reaches its targets' synaptic variables d steps later.
/// The state inputs <see cref="StateInputNames"/> ([batch, width] or [1, width]) are optional and
/// default to the initial state (graph inputs backed by initializers, which ONNX Runtime lists as
/// overridable initializers); <see cref="StateOutputNames"/> are the state after the last step,
/// to feed back in to continue.
/// </summary>
public sealed class OnnxModelLayout
{
    private readonly Dictionary<Population, int> _inputOffsets;
    private readonly Dictionary<Population, string> _spikeOutputs;
    private readonly Dictionary<(Population, StateVariable), string> _stateOutputs;

    internal OnnxModelLayout(OnnxModelForm form, OnnxTimeShape shape, double dt, IReadOnlyList<Population> inputs, Dictionary<Population, string> spikeOutputs,
        Dictionary<(Population, StateVariable), string> stateOutputs, string? readoutOutput, IReadOnlyList<string> outputNames,
        IReadOnlyList<string> stateInputNames, IReadOnlyList<string> stateOutputNames, string? classScoresOutput, string? predictedClassOutput,
        IReadOnlyList<string> synapticLayouts)
    {
        Form = form;
        Shape = shape;
        ClassScoresOutput = classScoresOutput;
        PredictedClassOutput = predictedClassOutput;
        SynapticLayouts = synapticLayouts;
        Dt = dt;
        InputPopulations = inputs;
        _inputOffsets = [];
        int offset = 0;
        foreach (var population in inputs)
        {
            _inputOffsets[population] = offset;
            offset += population.Size;
        }
        InputWidth = offset;
        _spikeOutputs = spikeOutputs;
        _stateOutputs = stateOutputs;
        ReadoutOutput = readoutOutput;
        OutputNames = outputNames;
        StateInputNames = stateInputNames;
        StateOutputNames = stateOutputNames;
    }

    /// <summary>The model's form: fast (deployment) or exact (reference).</summary>
    public OnnxModelForm Form { get; }

    /// <summary>The model's time shape: the whole loop or one step.</summary>
    public OnnxTimeShape Shape { get; }

    /// <summary>Name of the classifier's scores output ([batch, classes], float), or null.</summary>
    public string? ClassScoresOutput { get; }

    /// <summary>Name of the classifier's predicted-class output ([batch], int64), or null.</summary>
    public string? PredictedClassOutput { get; }

    /// <summary>The fast form's layout per receiving population and receptor, one line each (for
    /// example <c>hidden.Excitatory: 20000 synapses, hoisted dense 1000x200</c>); empty for the exact form.</summary>
    public IReadOnlyList<string> SynapticLayouts { get; }

    /// <summary>Time step (ms).</summary>
    public double Dt { get; }

    /// <summary>Name of the input spike tensor.</summary>
    public string InputName => "spikes_in";

    /// <summary>The populations fed by the input tensor, in order.</summary>
    public IReadOnlyList<Population> InputPopulations { get; }

    /// <summary>Width of the input tensor's last axis (sum of the input populations' sizes).</summary>
    public int InputWidth { get; }

    /// <summary>The per-step outputs, in the model's output order (before the state outputs).</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>The optional state inputs, paired by index with <see cref="StateOutputNames"/>.</summary>
    public IReadOnlyList<string> StateInputNames { get; }

    /// <summary>The state after the last step, paired by index with <see cref="StateInputNames"/>.</summary>
    public IReadOnlyList<string> StateOutputNames { get; }

    /// <summary>Name of the linear readout output, or null.</summary>
    public string? ReadoutOutput { get; }

    /// <summary>Where <paramref name="population"/>'s neurons start in the input tensor's last axis.</summary>
    public int InputOffset(Population population)
        => _inputOffsets.TryGetValue(population, out int offset) ? offset
            : throw new ArgumentException($"Population '{population.Name}' is not an input of the exported model.", nameof(population));

    /// <summary>The name of the spike output of <paramref name="population"/>.</summary>
    public string SpikeOutput(Population population)
        => _spikeOutputs.TryGetValue(population, out string? name) ? name
            : throw new ArgumentException($"The spikes of population '{population.Name}' are not an output of the exported model.", nameof(population));

    /// <summary>The name of the output carrying <paramref name="variable"/> of <paramref name="population"/>.</summary>
    public string StateOutput(Population population, StateVariable variable)
        => _stateOutputs.TryGetValue((population, variable), out string? name) ? name
            : throw new ArgumentException($"{variable} of population '{population.Name}' is not an output of the exported model.", nameof(population));
}
