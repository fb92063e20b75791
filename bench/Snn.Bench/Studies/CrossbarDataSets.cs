using System.Globalization;
using Snn.Backends.Crossbar;
using Snn.Datasets;
using Snn.Datasets.Catalog;
using Snn.Datasets.Formats;
using Snn.Experiments.Crossbar;

namespace Snn.Bench.Studies;

/// <summary>
/// The data of the crossbar LSM studies as <see cref="LsmSample"/>s: Fashion-MNIST from Debian's
/// <c>dataset-fashion-mnist</c> (or the cache), area-averaged to 16 × 16 and rate-coded over 50 bins
/// (<see cref="LsmInputs.FromImage"/>, at most <see cref="MaxSpikeProbability"/> per bin), and
/// N-MNIST from a folder with <c>Train/&lt;digit&gt;/*.bin</c> and <c>Test/&lt;digit&gt;/*.bin</c>
/// (<see cref="LsmInputs.FromEvents"/>: the paper's centred 16 × 16 crop in 50 bins).
/// </summary>
public static class CrossbarDataSets
{
    /// <summary>Side of the input image and of the event crop (pixels): 16 × 16 = the recipe's 256 inputs.</summary>
    public const int Side = 16;

    /// <summary>Spike probability per bin of a white pixel.</summary>
    public const double MaxSpikeProbability = 0.3;

    /// <summary>The seed of the rate coding (fixed: the seeds vary the liquid).</summary>
    public const ulong EncodingSeed = 2;

    /// <summary>Where N-MNIST is published.</summary>
    public const string NMnistPage = "https://www.garrickorchard.com/datasets/n-mnist";

    /// <summary>Training and test samples: <c>--size N</c>: N and max(10, N / 2); <c>--quick</c>: <paramref name="quick"/>; else <paramref name="full"/>.</summary>
    public static (int Train, int Test) Sizes(StudyContext context, (int Train, int Test) full, (int Train, int Test) quick)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Size is int n ? (n, Math.Max(10, n / 2)) : context.Quick ? quick : full;
    }

    /// <summary>Why Fashion-MNIST cannot be read (with how to install it), or null when it can.</summary>
    /// <param name="directory">The IDX folder; null for Debian's folder, then the cache.</param>
    public static string? FashionMnistMissing(string? directory)
    {
        string[] places = directory is null
            ? [IdxDataset.FashionMnistSystemDirectory, Path.Combine(DatasetCatalog.CacheDirectory, "fashion-mnist")]
            : [directory];
        if (places.Any(p => Directory.Exists(p) && IdxDataset.FindFiles(p, DataSplit.Train) is not null && IdxDataset.FindFiles(p, DataSplit.Test) is not null))
        {
            return null;
        }
        return $"Fashion-MNIST not found in {string.Join(" or ", places)}. Install Debian's package (apt-get install dataset-fashion-mnist) "
            + "or download it with Snn.Datasets' DatasetDownloader (\"fashion-mnist\") into the cache; snn-bench datasets shows what is found.";
    }

    /// <summary>The first <paramref name="count"/> images of a Fashion-MNIST split, rate-coded (sample index = position in the split).</summary>
    /// <param name="split">Train or test.</param>
    /// <param name="count">Images, ≥ 1.</param>
    /// <param name="steps">Time bins per sample (the recipe's window).</param>
    /// <param name="directory">The IDX folder; null for Debian's folder, then the cache.</param>
    public static LsmSample[] FashionMnist(DataSplit split, int count, int steps, string? directory = null)
    {
        var samples = new List<LsmSample>(count);
        int offset = split == DataSplit.Train ? 0 : 1 << 20;
        foreach (var image in IdxDataset.FashionMnist(split, directory).Take(count))
        {
            samples.Add(LsmInputs.FromImage(image.Pixels, image.Rows, image.Columns, Side, steps, MaxSpikeProbability, EncodingSeed, offset + samples.Count, image.Label));
        }
        return [.. samples];
    }

    /// <summary>Why <paramref name="directory"/> holds no N-MNIST (with where to get it), or null when it does.</summary>
    public static string? NMnistMissing(string? directory)
    {
        if (directory is not null && Directory.Exists(Path.Combine(directory, "Train")) && Directory.Exists(Path.Combine(directory, "Test")))
        {
            return null;
        }
        return $"N-MNIST not present{(directory is null ? " (no --data DIR given)" : $" in {directory} (Train/ and Test/ expected)")}: the paper's 256-200-10 recipe on it was skipped. "
            + $"Download it from {NMnistPage} (or with Snn.Datasets' DatasetDownloader; snn-bench datasets lists the catalogue), "
            + "unzip Train.zip and Test.zip into one folder and pass --data DIR.";
    }

    /// <summary>
    /// <paramref name="count"/> recordings of an N-MNIST split, balanced over the digit folders
    /// (the first files of each, in name order), as the paper's input: both polarities, centred
    /// 16 × 16 crop, <paramref name="steps"/> bins.
    /// </summary>
    /// <param name="splitDirectory">The split folder, holding one folder per digit.</param>
    /// <param name="count">Recordings, ≥ 1.</param>
    /// <param name="steps">Time bins per sample (the recipe's window).</param>
    public static LsmSample[] NMnist(string splitDirectory, int count, int steps)
    {
        var folders = Directory.GetDirectories(splitDirectory)
            .Where(f => int.TryParse(Path.GetFileName(f), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
        if (folders.Length == 0)
        {
            throw new DirectoryNotFoundException($"{splitDirectory} holds no digit folders (0 … 9) of .bin recordings.");
        }
        var files = folders.Select(f => Directory.GetFiles(f, "*.bin").OrderBy(p => p, StringComparer.Ordinal).ToArray()).ToArray();
        var samples = new List<LsmSample>(count);
        for (int k = 0; samples.Count < count && files.Any(f => k < f.Length); k++)
        {
            for (int d = 0; d < folders.Length && samples.Count < count; d++)
            {
                if (k < files[d].Length)
                {
                    int label = int.Parse(Path.GetFileName(folders[d]), NumberStyles.None, CultureInfo.InvariantCulture);
                    samples.Add(LsmInputs.FromEvents(NMnistBinReader.Read(files[d][k], label), Side, steps));
                }
            }
        }
        return [.. samples];
    }
}
