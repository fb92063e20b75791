using Snn.Backends.Crossbar;

namespace Snn.Backends.Tests.Crossbar;

public sealed class CrossbarLsmTests
{
    /// <summary>The real N-MNIST recording (Orchard et al. 2015, CC BY-SA 4.0; the copy committed with
    /// the Snn.Datasets fixtures), decoded here from its 5-byte records (x, y, polarity bit + 23-bit µs
    /// timestamp).</summary>
    private static (int[] X, int[] Y, long[] T, bool[] On) NMnistSample()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Crossbar", "Fixtures", "nmnist-sample.bin"));
        int count = bytes.Length / 5;
        var (x, y, t, on) = (new int[count], new int[count], new long[count], new bool[count]);
        for (int e = 0; e < count; e++)
        {
            x[e] = bytes[5 * e];
            y[e] = bytes[5 * e + 1];
            on[e] = (bytes[5 * e + 2] & 0x80) != 0;
            t[e] = ((bytes[5 * e + 2] & 0x7F) << 16) | (bytes[5 * e + 3] << 8) | bytes[5 * e + 4];
        }
        return (x, y, t, on);
    }

    [Fact]
    public void NMnistRecordingBecomesAPaperSizedInput()
    {
        var (x, y, t, on) = NMnistSample();
        Assert.Equal(4325, x.Length);
        var sample = LsmInputs.FromEvents(x, y, t, on, 34, 34, 16, 50, label: 3);
        Assert.NotEmpty(sample.Steps);
        Assert.All(sample.Steps, s => Assert.InRange(s, 0, 49));
        Assert.All(sample.Inputs, i => Assert.InRange(i, 0, 255));
        Assert.Equal(sample.Steps.Length, sample.Steps.Zip(sample.Inputs).Distinct().Count());
        var onOnly = LsmInputs.FromEvents(x, y, t, on, 34, 34, 16, 50, label: 3, polarity: true);
        Assert.True(onOnly.Steps.Length < sample.Steps.Length);
    }

    [Fact]
    public void IdealChipGivesTheSoftwareLiquidFeaturesOnARealRecording()
    {
        var (x, y, t, on) = NMnistSample();
        var sample = LsmInputs.FromEvents(x, y, t, on, 34, 34, 16, 50, label: 3);
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
