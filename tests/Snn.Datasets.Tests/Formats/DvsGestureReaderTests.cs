using Snn.Datasets.Formats;
using Snn.Datasets.Tests.Support;

namespace Snn.Datasets.Tests.Formats;

public sealed class DvsGestureReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string WriteRecording(string name)
    {
        var packet = Writers.Aedat31Packet(1, 8, 0, 5,
        [
            (Writers.PolarityData(1, 1, true), 1_000),
            (Writers.PolarityData(2, 2, false), 1_500),
            (Writers.PolarityData(3, 3, true), 2_000),
            (Writers.PolarityData(4, 4, true), 2_999),
            (Writers.PolarityData(5, 5, false), 3_000),
        ]);
        string path = _dir.File(name + ".aedat");
        File.WriteAllBytes(path, Writers.Concat(Writers.Aedat31Header(), packet));
        File.WriteAllText(_dir.File(name + "_labels.csv"), "class,startTime_usec,endTime_usec\n3,1000,2000\n11,2000,3000\n");
        return path;
    }

    [Fact]
    public void LabelledSegmentsBecomeSamplesWithRelativeTimes()
    {
        var samples = DvsGestureReader.ReadRecording(WriteRecording("user01_fluorescent"));
        Assert.Equal(2, samples.Count);
        Assert.Equal(2, samples[0].Label);
        Assert.Equal([new SpikeEvent(0, 1, 1, true), new SpikeEvent(500, 2, 2, false)], samples[0].Events);
        Assert.Equal(10, samples[1].Label);
        Assert.Equal([new SpikeEvent(0, 3, 3, true), new SpikeEvent(999, 4, 4, true)], samples[1].Events);
        Assert.Equal("right_arm_clockwise", DvsGestureReader.Classes[samples[0].Label + 1]);
    }

    [Fact]
    public void SplitListSelectsRecordings()
    {
        WriteRecording("user01_led");
        WriteRecording("user02_led");
        File.WriteAllText(_dir.File("trials_to_train.txt"), "user01_led.aedat\n\n");
        File.WriteAllText(_dir.File("trials_to_test.txt"), "user02_led.aedat\nuser01_led.aedat\n");
        Assert.Equal(2, DvsGestureReader.ReadSplit(_dir.Path, DataSplit.Train).Count());
        Assert.Equal(4, DvsGestureReader.ReadSplit(_dir.Path, DataSplit.Test).Count());
    }

    [Fact]
    public void MalformedLabelRowNamesTheByteOffset()
    {
        string path = _dir.File("bad_labels.csv");
        File.WriteAllText(path, "class,startTime_usec,endTime_usec\n1,0,10\n2,x,20\n");
        var e = Assert.Throws<DataFormatException>(() => DvsGestureReader.ReadLabels(path));
        Assert.Equal(34 + 7, e.ByteOffset);
        Assert.Contains("2,x,20", e.Message);
    }

    [Fact]
    public void LabelClassOutOfRangeIsReported()
    {
        string path = _dir.File("range_labels.csv");
        File.WriteAllText(path, "12,0,10\n");
        var e = Assert.Throws<DataFormatException>(() => DvsGestureReader.ReadLabels(path));
        Assert.Equal(0, e.ByteOffset);
        Assert.Contains("[1, 11]", e.Message);
    }
}
