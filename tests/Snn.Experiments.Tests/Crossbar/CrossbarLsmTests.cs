using Snn.Backends.Crossbar;
using Snn.Datasets;
using Snn.Datasets.Formats;
using Snn.Experiments.Crossbar;

namespace Snn.Experiments.Tests.Crossbar;

public sealed class CrossbarLsmTests
{
    /// <summary>The real N-MNIST recording (Orchard et al. 2015, CC BY-SA 4.0; the copy committed with
    /// the Snn.Datasets fixtures), read by Snn.Datasets' N-MNIST reader.</summary>
    private static EventSample NMnistSample()
        => NMnistBinReader.Read(Path.Combine(AppContext.BaseDirectory, "Crossbar", "Fixtures", "nmnist-sample.bin"), label: 3);

    [Fact]
    public void NMnistRecordingBecomesAPaperSizedInput()
    {
        var recording = NMnistSample();
        Assert.Equal(4325, recording.Events.Length);
        var sample = LsmInputs.FromEvents(recording, 16, 50);
        Assert.NotEmpty(sample.Steps);
        Assert.All(sample.Steps, s => Assert.InRange(s, 0, 49));
        Assert.All(sample.Inputs, i => Assert.InRange(i, 0, 255));
        Assert.Equal(sample.Steps.Length, sample.Steps.Zip(sample.Inputs).Distinct().Count());
        var onOnly = LsmInputs.FromEvents(recording, 16, 50, polarity: true);
        Assert.True(onOnly.Steps.Length < sample.Steps.Length);
    }

    [Fact]
    public void RecordingIsBinnedBetweenItsFirstAndLastEventInTheCentredCrop()
    {
        var recording = NMnistSample();
        var events = recording.Events;
        long first = events[0].TimeUs;
        long span = events[^1].TimeUs - first + 1;
        var expected = new HashSet<(int Step, int Input)>();
        foreach (var e in events)
        {
            int x = e.X - 9, y = e.Y - 9;
            if (x is >= 0 and < 16 && y is >= 0 and < 16)
            {
                expected.Add(((int)((e.TimeUs - first) * 50 / span), y * 16 + x));
            }
        }

        var sample = LsmInputs.FromEvents(recording, 16, 50);

        Assert.Equal(3, sample.Label);
        Assert.Equal(expected.Count, sample.Steps.Length);
        Assert.Equal(expected, sample.Steps.Zip(sample.Inputs).ToHashSet());
    }

    [Fact]
    public void IdealChipGivesTheSoftwareLiquidFeaturesOnARealRecording()
    {
        var sample = LsmInputs.FromEvents(NMnistSample(), 16, 50);
        var experiment = new CrossbarLsmExperiment(new LsmRecipe());
        var (software, none) = experiment.Features([sample, sample], new LsmConfiguration("software", null));
        var (chip, cost) = experiment.Features([sample, sample], new LsmConfiguration("ideal chip", new CrossbarOptions()));
        Assert.Null(none);
        Assert.NotNull(cost);
        Assert.True(software[0].Sum() > 0, "the liquid stayed silent");
        Assert.Equal(software[0], chip[0]);
        Assert.Equal(software[0], software[1]);
        Assert.Equal(4, cost!.Tiles);
    }

    [Fact]
    public void LiquidSeparatesTwoSyntheticClassesOnANoisyChip()
    {
        var samples = Enumerable.Range(0, 40).Select(n =>
        {
            var pixels = new byte[16 * 16];
            int label = n % 2;
            for (int i = 0; i < pixels.Length; i++)
            {
                pixels[i] = (byte)((i / 16 < 8) == (label == 0) ? 255 : 0);
            }
            return LsmInputs.FromImage(pixels, 16, 16, 16, 10, 0.3, seed: 2, n, label);
        }).ToArray();
        var experiment = new CrossbarLsmExperiment(new LsmRecipe { Classes = 2, WindowSteps = 10 });
        var chip = CrossbarLsmExperiment.Realistic(ResistiveDevice.AihwkitPcm);
        var outcome = experiment.Evaluate(samples[..30], samples[30..], new LsmConfiguration("pcm", chip));
        Assert.True(outcome.Accuracy >= 0.9, $"accuracy {outcome.Accuracy}");
        Assert.True(outcome.EnergyPerInference > 0);
    }
    [Fact]
    public void PairedDifferenceCountsOnlyDisagreementsInItsStandardError()
    {
        var reference = new LsmOutcome("software", 0.5, double.NaN, double.NaN, 0, null, [true, true, false, false, true, true]);
        var arm = new LsmOutcome("chip", 0.5, double.NaN, double.NaN, 0, null, [true, false, true, false, true, true]);
        var better = arm with { Correct = [true, true, true, false, true, true] };

        var (points, error) = arm.Versus(reference);
        Assert.Equal(0, points, 12);
        Assert.Equal(100 * Math.Sqrt(2.0 / 5 / 6), error, 12);
        var (gain, gainError) = better.Versus(reference);
        Assert.Equal(100.0 / 6, gain, 12);
        Assert.Equal(100 * Math.Sqrt((1 - 6 * (1.0 / 36)) / 5 / 6), gainError, 12);
        Assert.Equal((0.0, 0.0), reference.Versus(reference));
        Assert.Throws<ArgumentException>(() => arm.Versus(reference with { Correct = [true] }));
    }
}
