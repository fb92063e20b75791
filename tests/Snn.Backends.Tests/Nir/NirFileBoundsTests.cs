using Snn.Core.Interop.Nir;
using Snn.Core.IO;
using static Snn.Backends.Tests.Nir.NirTestGraphs;

namespace Snn.Backends.Tests.Nir;

/// <summary>Corrupt NIR files (written by Fixtures/make_fixtures.py) that used to hang or escape
/// with an undocumented exception: each is an <see cref="InvalidDataException"/> naming its HDF5 path.</summary>
public class NirFileBoundsTests
{
    [Theory]
    [InlineData("cycle_graph.nir", "/node/nodes/again/nodes/again")]
    [InlineData("cycle_node.nir", "/node/nodes/input/loop/loop")]
    public void HardLinkCycleIsRefusedAtTheDepthLimit(string fixture, string pathPrefix)
    {
        var error = Assert.Throws<InvalidDataException>(() => NirFile.Read(Fixture(fixture)));

        Assert.Contains($"nested more than {Hdf5Bounds.MaxDepth} deep", error.Message);
        Assert.Contains(pathPrefix, error.Message);
    }

    [Fact]
    public void DataSetLargerThanItsFileCanHoldIsRefusedBeforeReading()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<InvalidDataException>(() => NirFile.Read(Fixture("huge_weight.nir")));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 << 20, "the reader allocated the declared weight");
        Assert.Contains("/node/nodes/fc/weight", error.Message);
        Assert.Contains("declares 600000000 elements of 4 bytes", error.Message);
    }

    [Fact]
    public void GraphThatFailsValidationIsInvalidDataNotAnArgumentException()
    {
        string path = TempFile();
        try
        {
            var graph = NirFile.Read(Fixture("delay_lif.nir"));
            NirFile.Write(graph, path);
            var bytes = File.ReadAllBytes(path);
            int at = IndexOf(bytes, "Output"u8);
            "      "u8.CopyTo(bytes.AsSpan(at));
            File.WriteAllBytes(path, bytes);

            var error = Assert.Throws<InvalidDataException>(() => NirFile.Read(path));

            Assert.IsAssignableFrom<ArgumentException>(error.InnerException);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> text)
    {
        int at = bytes.AsSpan().IndexOf(text);
        Assert.True(at >= 0);
        return at;
    }
}
