using Snn.Experiments.Nalsm;
using Snn.Learning.Reservoir;

namespace Snn.Experiments.Tests.Nalsm;

public sealed class LiquidFeatureFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"snn-liquid-{Guid.NewGuid():N}.bin");

    /// <summary>Byte offset of the first training label: magic, version, protocol length and bytes,
    /// three int32 counts and four float64 measurements, the training sample count.</summary>
    private static int FirstTrainLabelOffset(string protocol) => 8 + 4 + 4 + protocol.Length + 3 * 4 + 4 * 8 + 4;

    private static LiquidFeatures Sample() => new()
    {
        Protocol = "{\"Seed\":42}",
        TrainCounts = [[0, 3, 65535], [7, 0, 1]],
        TrainLabels = [9, 0],
        ValidationCounts = [[2, 2, 2]],
        ValidationLabels = [4],
        TestCounts = [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
        TestLabels = [1, 2, 3],
        Measurements = new LiquidMeasurements
        {
            BranchingFactor = 1.145, MeanRateHz = 38.3, LiquidSynapses = 5321, InputSynapses = 117_600, InitializationSeconds = 163.5, FeatureSeconds = 4286.25,
        },
    };

    public void Dispose()
    {
        File.Delete(_path);
    }

    [Fact]
    public void SaveThenLoadGivesEveryCountLabelAndMeasurementBack()
    {
        var written = Sample();

        LiquidFeatureFile.Save(written, _path);
        var read = LiquidFeatureFile.Load(_path);

        Assert.Equal(written.Protocol, read.Protocol);
        Assert.Equal(written.TrainCounts, read.TrainCounts);
        Assert.Equal(written.TrainLabels, read.TrainLabels);
        Assert.Equal(written.ValidationCounts, read.ValidationCounts);
        Assert.Equal(written.ValidationLabels, read.ValidationLabels);
        Assert.Equal(written.TestCounts, read.TestCounts);
        Assert.Equal(written.TestLabels, read.TestLabels);
        Assert.Equal(written.Measurements, read.Measurements);
        Assert.Equal(3, read.Neurons);
        Assert.False(File.Exists(_path + ".partial"));
    }

    [Fact]
    public void ACountAboveTheStoredRangeIsRefusedWithItsValue()
    {
        var features = Sample() with { TestCounts = [[1, 0, 0], [0, 70_000, 0], [0, 0, 1]] };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LiquidFeatureFile.Save(features, _path));

        Assert.Contains("TestCounts[1] holds the count 70000", error.Message);
        Assert.Contains("[0, 65535]", error.Message);
    }

    [Fact]
    public void ASaveThatFailsPartWayLeavesThePreviousFileIntact()
    {
        LiquidFeatureFile.Save(Sample(), _path);
        var previous = File.ReadAllBytes(_path);
        var features = Sample() with { TestCounts = [[1, 0, 0], [0, 70_000, 0], [0, 0, 1]] };

        Assert.Throws<ArgumentOutOfRangeException>(() => LiquidFeatureFile.Save(features, _path));

        Assert.Equal(previous, File.ReadAllBytes(_path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(_path)!, $".{Path.GetFileName(_path)}*"));
        Assert.False(File.Exists(_path + ".partial"));
    }

    [Fact]
    public void AFileWithoutTheMagicIsRefusedAtByteZero()
    {
        File.WriteAllBytes(_path, "NOTLIQF1somebytes"u8.ToArray());

        var error = Assert.Throws<InvalidDataException>(() => LiquidFeatureFile.Load(_path));

        Assert.Contains("corrupt at byte 0", error.Message);
    }

    [Fact]
    public void AnotherVersionIsRefusedAtTheVersionField()
    {
        LiquidFeatureFile.Save(Sample(), _path);
        var bytes = File.ReadAllBytes(_path);
        bytes[8] = 2;
        File.WriteAllBytes(_path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => LiquidFeatureFile.Load(_path));

        Assert.Contains("corrupt at byte 8: version 2", error.Message);
    }

    [Fact]
    public void ATruncatedFileNamesWhereItEnds()
    {
        LiquidFeatureFile.Save(Sample(), _path);
        var bytes = File.ReadAllBytes(_path);
        File.WriteAllBytes(_path, bytes[..^5]);

        var error = Assert.Throws<InvalidDataException>(() => LiquidFeatureFile.Load(_path));

        Assert.Contains($"truncated at byte {bytes.Length - 5}", error.Message);
    }

    [Fact]
    public void BytesAfterTheTestSplitAreRefusedAtTheirOffset()
    {
        LiquidFeatureFile.Save(Sample(), _path);
        var bytes = File.ReadAllBytes(_path);
        File.WriteAllBytes(_path, [.. bytes, 0, 0]);

        var error = Assert.Throws<InvalidDataException>(() => LiquidFeatureFile.Load(_path));

        Assert.Contains($"corrupt at byte {bytes.Length}: 2 bytes follow the test split", error.Message);
    }

    [Fact]
    public void ANegativeLabelIsRefusedAtItsOffset()
    {
        var features = Sample();
        LiquidFeatureFile.Save(features, _path);
        var bytes = File.ReadAllBytes(_path);
        int offset = FirstTrainLabelOffset(features.Protocol);
        Assert.Equal(9, BitConverter.ToInt32(bytes, offset));
        BitConverter.GetBytes(-1).CopyTo(bytes, offset);
        File.WriteAllBytes(_path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => LiquidFeatureFile.Load(_path));

        Assert.Contains($"corrupt at byte {offset}: train label 0 = -1", error.Message);
    }
}
