namespace Snn.Core.Interop.Nir;

/// <summary>The NIR primitive types Snn reads, with the arrays each must carry (optional ones
/// have defaults: v_reset 0, w_in 1, a convolution's stride 1, padding 0, dilation 1, groups 1).</summary>
internal static class NirPrimitives
{
    public const string Input = "Input";
    public const string Output = "Output";
    public const string Identity = "Identity";
    public const string Affine = "Affine";
    public const string Linear = "Linear";
    public const string Scale = "Scale";
    public const string Threshold = "Threshold";
    public const string Delay = "Delay";
    public const string Flatten = "Flatten";
    public const string Conv1d = "Conv1d";
    public const string Conv2d = "Conv2d";
    public const string SumPool2d = "SumPool2d";
    public const string AvgPool2d = "AvgPool2d";
    public const string I = "I";
    public const string IF = "IF";
    public const string LI = "LI";
    public const string LIF = "LIF";
    public const string CubaLI = "CubaLI";
    public const string CubaLIF = "CubaLIF";

    public static readonly IReadOnlyDictionary<string, string[]> Required = new Dictionary<string, string[]>
    {
        [Input] = ["shape"],
        [Output] = [],
        [Identity] = [],
        [Affine] = ["weight", "bias"],
        [Linear] = ["weight"],
        [Scale] = ["scale"],
        [Threshold] = ["threshold"],
        [Delay] = ["delay"],
        [Flatten] = [],
        [Conv1d] = ["weight", "bias"],
        [Conv2d] = ["weight", "bias"],
        [SumPool2d] = ["kernel_size", "stride", "padding"],
        [AvgPool2d] = ["kernel_size", "stride", "padding"],
        [I] = ["r"],
        [IF] = ["r", "v_threshold"],
        [LI] = ["tau", "r", "v_leak"],
        [LIF] = ["tau", "r", "v_leak", "v_threshold"],
        [CubaLI] = ["tau_syn", "tau_mem", "r", "v_leak"],
        [CubaLIF] = ["tau_syn", "tau_mem", "r", "v_leak", "v_threshold"],
        [NirGraph.GraphType] = [],
    };

    /// <summary>Whether the type is a neuron (a Snn population).</summary>
    public static bool IsNeuron(string type) => type is I or IF or LI or LIF or CubaLI or CubaLIF;

    /// <summary>Whether the neuron type spikes by itself.</summary>
    public static bool Spikes(string type) => type is IF or LIF or CubaLIF;

    /// <summary>Where a node is, for error messages: its name and HDF5 path.</summary>
    public static string Describe(string name, NirNode node)
        => node.SourcePath is null ? $"NIR node '{name}' ({node.Type})" : $"NIR node '{name}' ({node.Type}, HDF5 path {node.SourcePath})";
}
