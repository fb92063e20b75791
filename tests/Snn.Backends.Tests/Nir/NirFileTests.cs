using Snn.Core.Interop.Nir;
using static Snn.Backends.Tests.Nir.NirTestGraphs;

namespace Snn.Backends.Tests.Nir;

/// <summary>Reading and writing .nir files: what is written reads back the same, and corrupt
/// files fail with errors that name the node and HDF5 path.</summary>
public sealed class NirFileTests
{
    [Fact]
    public void WrittenGraphReadsBackWithEveryNodeArrayStringAndNestedGraph()
    {
        var inner = Chain(("input", Input(3)), ("lif", Node("LIF", ("tau", [0.01, 0.02, 0.03]), ("r", [1.0, 1, 1]), ("v_leak", [0.0, 0, 0]), ("v_threshold", [1.0, 1, 1]))), ("output", Output(3)));
        var conv = new NirNode("Conv2d", new Dictionary<string, NirTensor>
        {
            ["weight"] = new(Enumerable.Range(0, 8).Select(i => i * 0.5).ToArray(), [2, 1, 2, 2]),
            ["bias"] = NirTensor.Vector(0.1, 0.2),
            ["groups"] = new([1], [], isInteger: true),
            ["input_type/input"] = NirTensor.Integers(1, 3, 3),
        }, new Dictionary<string, string> { ["padding"] = "same" });
        var graph = new NirGraph(
            [KeyValuePair.Create("conv", conv), KeyValuePair.Create("block", new NirNode(inner)), KeyValuePair.Create("tau", Node("Scale", ("scale", NirTensor.Scalar(2.5))))],
            [new("conv", "block"), new("block", "tau")]);
        string path = TempFile();
        try
        {
            NirFile.Write(graph, path);
            var read = NirFile.Read(path);
            Assert.Equal(NirFile.WriterVersion, read.Version);
            Assert.Equal(["block", "conv", "tau"], read.NodeNames.Order());
            Assert.Equal(graph.Edges, read.Edges);
            var readConv = read.Nodes["conv"];
            Assert.Equal("/node/nodes/conv", readConv.SourcePath);
            Assert.Equal("same", readConv.Text["padding"]);
            Assert.Equal([2, 1, 2, 2], readConv.Attributes["weight"].Shape);
            Assert.Equal(conv.Attributes["weight"].Values.ToArray(), readConv.Attributes["weight"].Values.ToArray());
            Assert.True(readConv.Attributes["groups"].IsInteger);
            Assert.Empty(readConv.Attributes["groups"].Shape);
            Assert.Equal([1.0, 3, 3], readConv.Attributes["input_type/input"].Values.ToArray());
            Assert.Empty(read.Nodes["tau"].Attributes["scale"].Shape);
            var readInner = read.Nodes["block"].Graph!;
            Assert.Equal(inner.Edges, readInner.Edges);
            Assert.Equal([0.01, 0.02, 0.03], readInner.Nodes["lif"].Attributes["tau"].Values.ToArray());
            Assert.Equal("/node/nodes/block/nodes/lif", readInner.Nodes["lif"].SourcePath);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void NodeWithoutARequiredArrayIsRejectedNamingTheNodePathAndArray()
    {
        var graph = Chain(("input", Input(1)), ("lif", Node("LIF", ("r", [1.0]), ("v_leak", [0.0]), ("v_threshold", [1.0]))), ("output", Output(1)));
        string path = TempFile();
        try
        {
            NirFile.Write(graph, path);
            var error = Assert.Throws<InvalidDataException>(() => NirFile.Read(path));
            Assert.Contains("'lif'", error.Message);
            Assert.Contains("/node/nodes/lif", error.Message);
            Assert.Contains("'tau'", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void EdgeToAMissingNodeIsRejectedNamingTheEdge()
    {
        var graph = new NirGraph([KeyValuePair.Create("input", Input(1))], [new("input", "ghost")]);
        string path = TempFile();
        try
        {
            NirFile.Write(graph, path);
            var error = Assert.Throws<InvalidDataException>(() => NirFile.Read(path));
            Assert.Contains("'ghost'", error.Message);
            Assert.Contains("/node", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TruncatedFileIsRejectedAsInvalidData()
    {
        var bytes = File.ReadAllBytes(Fixture("nested_cuba_li.nir"));
        string path = TempFile();
        try
        {
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            Assert.Throws<InvalidDataException>(() => NirFile.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FileThatIsNotHdf5IsRejectedNamingThePath()
    {
        string path = TempFile();
        try
        {
            File.WriteAllText(path, "not an HDF5 file");
            var error = Assert.Throws<InvalidDataException>(() => NirFile.Read(path));
            Assert.Contains(path, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingFileThrowsFileNotFound()
        => Assert.Throws<FileNotFoundException>(() => NirFile.Read(TempFile()));
}
