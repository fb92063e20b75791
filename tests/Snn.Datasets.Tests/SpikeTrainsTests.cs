namespace Snn.Datasets.Tests;

public sealed class SpikeTrainsTests
{
    [Fact]
    public void TrainsAreCopiedSortedAndShiftedByOneStepForASpikeSource()
    {
        var input = new[] { new[] { 3.0, 0.0, 1.5 }, Array.Empty<double>() };
        var trains = new SpikeTrains(input, durationMs: 5);
        input[0][0] = 99;
        Assert.Equal([0.0, 1.5, 3.0], trains.TimesOf(0).ToArray());
        Assert.Equal(3, trains.Count);
        var source = trains.ToSourceTimes(0.1);
        Assert.Equal([0.1, 1.6, 3.1], source[0]);
        Assert.Empty(source[1]);
    }

    [Fact]
    public void TimesOutsideTheSampleNameTheChannelIndexAndRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SpikeTrains([[1.0], [2.0, 6.0]], durationMs: 5));
        Assert.Equal("timesMs", e.ParamName);
        Assert.Contains("timesMs[1][1] = 6", e.Message);
        Assert.Contains("[0, durationMs = 5]", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpikeTrains([[double.NaN]], 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpikeTrains([[1.0]], 5).ToSourceTimes(0));
    }

    [Fact]
    public void RandomSourceStreamMustBeAUserStreamIndex()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomSource(1, stream: -1));
        Assert.Equal("stream", e.ParamName);
        Assert.Contains("[0, 2147483647]", e.Message);
        Assert.Equal(new RandomSource(5, 2).For(3, 4).NextUInt(), new RandomSource(5, 2).For(3, 4).NextUInt());
        Assert.NotEqual(new RandomSource(5, 2).For(3, 4).NextUInt(), new RandomSource(5, 2).For(4, 4).NextUInt());
    }

    [Fact]
    public void DenseTensorIndexesRowMajorAndRejectsIndicesOutsideItsShape()
    {
        var tensor = new DenseTensor(2, 3);
        tensor[1, 2] = 7f;
        Assert.Equal(7f, tensor.Data[5]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => tensor[2, 0]);
        Assert.Contains("[0, 1]", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DenseTensor(3, 0));
    }

    [Fact]
    public void ImageIntensitiesAreScaledToTheUnitInterval()
    {
        var image = new ImageSample([0, 255, 51, 102], 2, 2, label: 4);
        Assert.Equal([0f, 1f, 0.2f, 0.4f], image.ToIntensities());
        var e = Assert.Throws<ArgumentException>(() => new ImageSample([1, 2, 3], 2, 2, 0));
        Assert.Contains("rows · columns = 4", e.Message);
    }
}
