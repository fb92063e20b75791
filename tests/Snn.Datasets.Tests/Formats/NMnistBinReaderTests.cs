using Snn.Datasets.Formats;
using Snn.Datasets.Tests.Support;

namespace Snn.Datasets.Tests.Formats;

public sealed class NMnistBinReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void RealSampleHasThePublishedEventCountsAndRanges()
    {
        var events = NMnistBinReader.ReadEvents(Fixtures.Path("nmnist-sample.bin"));
        Assert.Equal(4325, events.Length);
        int on = 0;
        foreach (var e in events)
        {
            Assert.InRange(e.X, 0, 33);
            Assert.InRange(e.Y, 0, 33);
            on += e.Polarity ? 1 : 0;
        }
        Assert.Equal(2145, on);
        Assert.Equal(654, events[0].TimeUs);
        Assert.Equal(311_175, events[^1].TimeUs);
    }

    [Fact]
    public void RecordsRoundTripWithOverflowMarkersAddingTwoToTheThirteen()
    {
        string path = _dir.File("sample.bin");
        File.WriteAllBytes(path, Writers.NMnist([(1, 2, true, 10), (33, 0, false, 8_000), (0, 240, false, 0), (5, 6, true, 3)]));
        var events = NMnistBinReader.ReadEvents(path);
        SpikeEvent[] expected = [new(10, 1, 2, true), new(8_000, 33, 0, false), new(3 + 8192, 5, 6, true)];
        Assert.Equal(expected, events);
    }

    [Fact]
    public void TruncatedRecordNamesTheFileAndOffset()
    {
        string path = _dir.File("truncated.bin");
        var bytes = Writers.NMnist([(1, 2, true, 10), (3, 4, false, 20)]);
        File.WriteAllBytes(path, bytes[..8]);
        var e = Assert.Throws<DataFormatException>(() => NMnistBinReader.ReadEvents(path));
        Assert.Equal(path, e.FilePath);
        Assert.Equal(5, e.ByteOffset);
    }

    [Fact]
    public void EventOffTheSensorIsReported()
    {
        string path = _dir.File("off.bin");
        File.WriteAllBytes(path, Writers.NMnist([(1, 2, true, 10), (34, 4, false, 20)]));
        var e = Assert.Throws<DataFormatException>(() => NMnistBinReader.ReadEvents(path));
        Assert.Equal(5, e.ByteOffset);
        Assert.Contains("34x34x2", e.Message);
    }

    [Fact]
    public void TimeRunningBackwardsIsReported()
    {
        string path = _dir.File("back.bin");
        File.WriteAllBytes(path, Writers.NMnist([(1, 2, true, 50), (3, 4, false, 20)]));
        var e = Assert.Throws<DataFormatException>(() => NMnistBinReader.ReadEvents(path));
        Assert.Equal(5, e.ByteOffset);
    }

    [Fact]
    public void DirectoryLayoutGivesLabelsFromDigitFolders()
    {
        foreach (int digit in new[] { 0, 7 })
        {
            Directory.CreateDirectory(_dir.File(digit.ToString()));
            File.WriteAllBytes(Path.Combine(_dir.File(digit.ToString()), "00001.bin"), Writers.NMnist([(digit, 1, true, 100)]));
        }
        var samples = NMnistBinReader.ReadDirectory(_dir.Path).ToList();
        Assert.Equal([0, 7], samples.Select(s => s.Label));
        Assert.Equal(7, samples[1].Events[0].X);
        Assert.Equal(SensorSize.NMnist, samples[0].Sensor);
    }

    [Fact]
    public void SampleConvertsToSpikeTrainsPerFlatChannel()
    {
        var sample = NMnistBinReader.Read(Fixtures.Path("nmnist-sample.bin"), label: 3);
        var trains = sample.ToSpikeTrains();
        Assert.Equal(34 * 34 * 2, trains.Channels);
        Assert.Equal(4325, trains.Count);
        Assert.Equal(311.175, trains.DurationMs, 9);
    }
}
