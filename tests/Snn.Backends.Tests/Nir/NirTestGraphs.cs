using Snn.Core.Interop.Nir;

namespace Snn.Backends.Tests.Nir;

/// <summary>Builds small NIR graphs in code for the NIR tests.</summary>
internal static class NirTestGraphs
{
    /// <summary>A node of <paramref name="type"/> with vector attributes.</summary>
    public static NirNode Node(string type, params (string Name, double[] Values)[] attributes)
        => new(type, attributes.ToDictionary(a => a.Name, a => NirTensor.Vector(a.Values)));

    /// <summary>A node of <paramref name="type"/> with tensors given as they are.</summary>
    public static NirNode Node(string type, params (string Name, NirTensor Tensor)[] attributes)
        => new(type, attributes.ToDictionary(a => a.Name, a => a.Tensor));

    /// <summary>An Input node of the given shape.</summary>
    public static NirNode Input(params int[] shape) => new("Input", new Dictionary<string, NirTensor> { ["shape"] = NirTensor.Integers(shape) });

    /// <summary>An Output node of the given shape.</summary>
    public static NirNode Output(params int[] shape) => new("Output", new Dictionary<string, NirTensor> { ["shape"] = NirTensor.Integers(shape) });

    /// <summary>A graph whose nodes form a chain in the given order.</summary>
    public static NirGraph Chain(params (string Name, NirNode Node)[] nodes)
    {
        var edges = new List<NirEdge>();
        for (int i = 0; i + 1 < nodes.Length; i++)
        {
            edges.Add(new NirEdge(nodes[i].Name, nodes[i + 1].Name));
        }
        return new NirGraph(nodes.Select(n => KeyValuePair.Create(n.Name, n.Node)), edges);
    }

    /// <summary>The path of a committed fixture.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Nir", "Fixtures", name);

    /// <summary>A fresh temporary file path with the .nir extension.</summary>
    public static string TempFile() => Path.Combine(Path.GetTempPath(), $"snn-nir-{Guid.NewGuid():N}.nir");
}
