using SkiaSharp;
using Snn.Backends.Crossbar;
using Snn.Bench.Cli;
using Snn.Bench.Results;
using Snn.Bench.Studies;
using Snn.Experiments.Crossbar;

namespace Snn.Bench.Tests.Studies;

public class CrossbarStudyTests
{
    /// <summary>End to end with an N-MNIST folder: synthetic recordings of two digits (each digit's
    /// events in its own half of the sensor) in the real 5-byte format run the paper's recipe.</summary>
    [FashionMnistFact]
    public void NMnistFolderRunsThePapersRecipeOnSoftwareAndTheAsGrownChip()
    {
        using var directory = new TemporaryDirectory();
        string data = Path.Combine(directory.Path, "nmnist");
        for (int digit = 0; digit < 2; digit++)
        {
            foreach (string split in new[] { "Train", "Test" })
            {
                string folder = Path.Combine(data, split, digit.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Directory.CreateDirectory(folder);
                for (int file = 0; file < 6; file++)
                {
                    File.WriteAllBytes(Path.Combine(folder, $"{file:D5}.bin"), Recording(digit, seed: 100 * digit + file + (split == "Test" ? 50 : 0)));
                }
            }
        }
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "crossbar-lsm", "--size", "12", "--data", data, "--out", Path.Combine(directory.Path, "out")]);

        Assert.Equal(0, code);
        var study = Assert.Single(ResultsJson.Read(Path.Combine(directory.Path, "out", ResultsJson.FileName)).Studies);
        Assert.Equal(1, study.Metrics["n_mnist_ran"]);
        Assert.Equal(12, study.Metrics["n_mnist_train_samples"]);
        Assert.Equal(10, study.Metrics["n_mnist_test_samples"]);
        // The two digits' events fill opposite halves of the sensor: separable, so far above the 50 % chance of two classes.
        Assert.True(study.Metrics["n_mnist_software_gaussian_weights_accuracy_percent"] >= 90,
            $"software accuracy {study.Metrics["n_mnist_software_gaussian_weights_accuracy_percent"]} % on a separable two-class task (chance 50 %, required 90 %)");
        Assert.Contains(study.Metrics.Keys, k => k.StartsWith("n_mnist_crossbar_", StringComparison.Ordinal) && k.EndsWith("_minus_software_points", StringComparison.Ordinal));
        Assert.Contains(CrossbarLsmAnalysis.NMnistPlot, study.Files);
    }

    /// <summary>2000 events of one N-MNIST recording (34 × 34 sensor, 300 ms): x, y, polarity bit + 23-bit µs timestamp.</summary>
    private static byte[] Recording(int digit, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[5 * 2000];
        for (int e = 0; e < 2000; e++)
        {
            int x = digit == 0 ? random.Next(0, 17) : random.Next(17, 34);
            int y = random.Next(0, 34);
            int t = e * 150;
            bytes[5 * e] = (byte)x;
            bytes[5 * e + 1] = (byte)y;
            bytes[5 * e + 2] = (byte)((random.Next(2) << 7) | ((t >> 16) & 0x7F));
            bytes[5 * e + 3] = (byte)(t >> 8);
            bytes[5 * e + 4] = (byte)t;
        }
        return bytes;
    }

    /// <summary>End to end (a few seconds): every standard arm on 20 training and 10 test images.</summary>
    [FashionMnistFact]
    public void TinyCrossbarLsmReportsEveryArmAndABarChart()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "crossbar-lsm", "--size", "20", "--out", directory.Path]);

        Assert.Equal(0, code);
        var study = Assert.Single(ResultsJson.Read(Path.Combine(directory.Path, ResultsJson.FileName)).Studies);
        Assert.Equal("crossbar-lsm", study.Study);
        Assert.Equal(20, study.Metrics["fashion_mnist_train_samples"]);
        Assert.Equal(10, study.Metrics["fashion_mnist_test_samples"]);
        var arms = CrossbarLsmExperiment.StandardConfigurations(CrossbarLsmAnalysis.SwitchingDevice);
        string softwareKey = "fashion_mnist_" + CrossbarLsmAnalysis.Key(arms[0].Name);
        foreach (var arm in arms)
        {
            string key = "fashion_mnist_" + CrossbarLsmAnalysis.Key(arm.Name);
            Assert.Equal(0, study.Metrics[key + "_accuracy_percent"] % 10, 9); // whole samples of the 10 test images
            Assert.Equal(arm.Crossbar is null, double.IsNaN(study.Metrics[key + "_energy_per_inference_nj"]));
            Assert.Contains(arm.Name + ":", console.Text);
            if (arm != arms[0])
            {
                double difference = study.Metrics[key + "_accuracy_percent"] - study.Metrics[softwareKey + "_accuracy_percent"];
                Assert.Equal(difference, study.Metrics[key + "_minus_software_points"], 9);
                if (arm == arms[2])
                {
                    Assert.Equal(0, difference);
                    Assert.Equal(0, study.Metrics[key + "_paired_standard_error_points"]);
                }
            }
        }
        Assert.Equal("crossbar ideal, Gaussian weights", arms[2].Name); // the ideal chip scores exactly as software, image by image
        Assert.Equal(0, study.Metrics["n_mnist_ran"]);
        Assert.Contains("N-MNIST not present", console.Text);
        Assert.Equal([CrossbarLsmAnalysis.Plot], study.Files);
        using var bitmap = SKBitmap.Decode(Path.Combine(directory.Path, CrossbarLsmAnalysis.Plot));
        Assert.NotNull(bitmap);
    }

    /// <summary>End to end (a few seconds): the brief sweep on 20 training and 10 test images.</summary>
    [FashionMnistFact]
    public void TinyCrossbarSweepWritesOnePlotPerParameter()
    {
        using var directory = new TemporaryDirectory();

        int code = new BenchCli(new CapturedConsole().Console).Invoke(["run", "crossbar-sweep", "--size", "20", "--out", directory.Path]);

        Assert.Equal(0, code);
        var study = Assert.Single(ResultsJson.Read(Path.Combine(directory.Path, ResultsJson.FileName)).Studies);
        Assert.Equal(0, study.Metrics["software_accuracy_percent"] % 10, 9); // whole samples of the 10 test images
        var parameters = Enum.GetValues<SweepParameter>();
        Assert.Equal(parameters.Length, study.Files.Count);
        foreach (var parameter in parameters)
        {
            Assert.Contains(CrossbarSweepAnalysis.PlotFile(parameter), study.Files);
            Assert.True(study.Metrics.ContainsKey(CrossbarLsmAnalysis.Key(parameter.ToString()) + "_largest_drop_points"));
        }
        Assert.Equal(0, study.Metrics["adcbits_8_accuracy_percent"] % 10, 9);
        Assert.True(study.Metrics["adcbits_8_energy_per_inference_nj"] > 0);
    }

    [Fact]
    public void NMnistFolderWithoutSplitsIsReportedWithWhereToGetIt()
    {
        using var directory = new TemporaryDirectory();

        string? missing = CrossbarDataSets.NMnistMissing(directory.Path);

        Assert.NotNull(missing);
        Assert.Contains("Train/ and Test/", missing);
        Assert.Contains("--data DIR", missing);
        Assert.Contains("DatasetDownloader", CrossbarDataSets.NMnistMissing(null));
    }

    [Fact]
    public void FashionMnistMissingFromAFolderSaysHowToInstallIt()
    {
        using var directory = new TemporaryDirectory();

        string? missing = CrossbarDataSets.FashionMnistMissing(directory.Path);

        Assert.NotNull(missing);
        Assert.Contains("apt-get install dataset-fashion-mnist", missing);
    }

    [Fact]
    public void ArmNamesBecomeMetricKeys()
    {
        Assert.Equal("crossbar_reram_50_225us_as_grown_switching_weights", CrossbarLsmAnalysis.Key("crossbar reram-50-225uS, as-grown switching weights"));
        Assert.Equal("software_switching_weights_reram_50_225us", CrossbarLsmAnalysis.Key("software, switching weights (reram-50-225uS)"));
    }
}
