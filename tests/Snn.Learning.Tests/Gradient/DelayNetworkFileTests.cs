using Snn.Learning.Gradient;

namespace Snn.Learning.Tests.Gradient;

public class DelayNetworkFileTests
{
    [Fact]
    public void SavedNetworkLoadsWithIdenticalParametersAndOutputs()
    {
        var network = SimulatorTransferTests.RandomModel(out var sample, steps: 12);
        var stream = new MemoryStream();
        network.Save(stream);
        stream.Position = 0;
        var loaded = DelayNetwork.Load(stream);
        Assert.Equal(network.Config.Hidden, loaded.Config.Hidden);
        Assert.Equal(network.Config with { Hidden = loaded.Config.Hidden }, loaded.Config);
        for (int l = 0; l < network.LayerCount; l++)
        {
            Assert.Equal(network.GetWeights(l), loaded.GetWeights(l));
            Assert.Equal(network.GetPositions(l), loaded.GetPositions(l));
            Assert.Equal(network.GetFoldedWeights(l).Bias, loaded.GetFoldedWeights(l).Bias);
        }
        Assert.Equal(network.Trace(sample, 12).Readout, loaded.Trace(sample, 12).Readout);
    }

    [Fact]
    public void SavingToAPathRoundTripsAndAFailedSaveLeavesThePreviousFile()
    {
        var network = SimulatorTransferTests.RandomModel(out var sample, steps: 12);
        string folder = Directory.CreateTempSubdirectory("snn-delay-").FullName;
        try
        {
            string path = Path.Combine(folder, "net.snndelay");
            network.Save(path);
            var previous = File.ReadAllBytes(path);
            Assert.Equal(network.Trace(sample, 12).Readout, DelayNetwork.Load(path).Trace(sample, 12).Readout);
            Assert.Throws<IOException>(() => Snn.Core.IO.AtomicFile.Write(path, stream =>
            {
                network.Save(stream);
                throw new IOException("No space left on device");
            }));
            Assert.Equal(previous, File.ReadAllBytes(path));
            Assert.Equal([path], Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TruncatedFileNamesTheByteOffset()
    {
        var bytes = Saved();
        var error = Assert.Throws<InvalidDataException>(() => DelayNetwork.Load(new MemoryStream(bytes[..150])));
        Assert.Contains("truncated", error.Message);
        Assert.Contains("byte offset", error.Message);
    }

    [Fact]
    public void FlippedByteIsCaughtByTheHashAtItsOffset()
    {
        var bytes = Saved();
        bytes[200] ^= 0x01;
        var error = Assert.Throws<InvalidDataException>(() => DelayNetwork.Load(new MemoryStream(bytes)));
        Assert.Contains($"byte offset {bytes.Length - 4}", error.Message);
    }

    [Fact]
    public void NonFiniteWeightNamesItsByteOffset()
    {
        var bytes = Saved();
        const int firstWeight = 8 + 4 + 4 + 4 + 2 * 4 + 4 + 4 + 4 + 5 * 8 + 4 + 8 + 3 * 4;
        BitConverter.GetBytes(float.NaN).CopyTo(bytes, firstWeight);
        var error = Assert.Throws<InvalidDataException>(() => DelayNetwork.Load(new MemoryStream(bytes)));
        Assert.Contains($"weights[0] = NaN at byte offset {firstWeight}", error.Message);
    }

    [Fact]
    public void HeaderDeclaringGigabytesOfLayersIsRefusedBeforeAllocatingThem()
    {
        const int headerEnd = 8 + 4 + 4 + 4 + 2 * 4 + 4 + 4 + 4 + 5 * 8 + 4 + 8;
        var bytes = Saved()[..headerEnd];
        BitConverter.GetBytes(40_000).CopyTo(bytes, 12);
        BitConverter.GetBytes(40_000).CopyTo(bytes, 20);
        BitConverter.GetBytes((int)DelayMode.None).CopyTo(bytes, 32);
        long before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<InvalidDataException>(() => DelayNetwork.Load(new MemoryStream(bytes)));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "the reader allocated the declared layers");
        Assert.Contains($"header ending at byte offset {headerEnd}", error.Message);
        Assert.Contains("only 0 remain", error.Message);
    }

    [Fact]
    public void WrongMagicIsRejected()
    {
        var bytes = Saved();
        bytes[0] = (byte)'X';
        var error = Assert.Throws<InvalidDataException>(() => DelayNetwork.Load(new MemoryStream(bytes)));
        Assert.Contains("byte offset 0", error.Message);
    }

    private static byte[] Saved()
    {
        var network = SimulatorTransferTests.RandomModel(out _, steps: 4);
        var stream = new MemoryStream();
        network.Save(stream);
        return stream.ToArray();
    }
}
