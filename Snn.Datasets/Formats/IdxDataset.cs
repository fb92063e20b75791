using Snn.Datasets.Catalog;

namespace Snn.Datasets.Formats;

/// <summary>
/// MNIST-layout data sets on disk: a directory with <c>train-images-idx3-ubyte</c>,
/// <c>train-labels-idx1-ubyte</c>, <c>t10k-images-idx3-ubyte</c> and <c>t10k-labels-idx1-ubyte</c>,
/// each raw or with a <c>.gz</c> suffix. Fashion-MNIST is found by default where Debian's
/// <c>dataset-fashion-mnist</c> package installs it.
/// </summary>
public static class IdxDataset
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package installs the four gzip files.</summary>
    public const string FashionMnistSystemDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The Fashion-MNIST class names, by label.</summary>
    public static IReadOnlyList<string> FashionMnistClasses { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Streams one split of an MNIST-layout directory.</summary>
    /// <param name="directory">The directory holding the four IDX files.</param>
    /// <param name="split"><see cref="DataSplit.Train"/> (60 000 samples for MNIST) or <see cref="DataSplit.Test"/> (10 000).</param>
    /// <exception cref="FileNotFoundException">The directory lacks the split's files.</exception>
    public static IEnumerable<ImageSample> ReadSplit(string directory, DataSplit split)
    {
        var (images, labels) = FindFiles(directory, split)
            ?? throw new FileNotFoundException($"'{directory}' holds no {Prefix(split)}-images-idx3-ubyte[.gz] and {Prefix(split)}-labels-idx1-ubyte[.gz] pair.");
        return IdxReader.ReadImageSamples(images, labels);
    }

    /// <summary>
    /// Streams Fashion-MNIST from <paramref name="directory"/>, or, when it is null, from
    /// <see cref="FashionMnistSystemDirectory"/> and then the cache (<see cref="DatasetCatalog.CacheDirectory"/>/fashion-mnist).
    /// </summary>
    /// <param name="split">Train or Test.</param>
    /// <param name="directory">A directory with the IDX files, or null to search the default places.</param>
    public static IEnumerable<ImageSample> FashionMnist(DataSplit split, string? directory = null)
        => ReadSplit(directory ?? Locate(split, FashionMnistSystemDirectory, Path.Combine(DatasetCatalog.CacheDirectory, "fashion-mnist")), split);

    /// <summary>Streams MNIST from <paramref name="directory"/>, or, when it is null, from the cache (<see cref="DatasetCatalog.CacheDirectory"/>/mnist).</summary>
    /// <param name="split">Train or Test.</param>
    /// <param name="directory">A directory with the IDX files, or null for the cache.</param>
    public static IEnumerable<ImageSample> Mnist(DataSplit split, string? directory = null)
        => ReadSplit(directory ?? Path.Combine(DatasetCatalog.CacheDirectory, "mnist"), split);

    /// <summary>The image and label files of a split in a directory, or null when either is missing.</summary>
    /// <param name="directory">The directory to look in.</param>
    /// <param name="split">Train or Test.</param>
    public static (string Images, string Labels)? FindFiles(string directory, DataSplit split)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string prefix = Prefix(split);
        string? images = FirstExisting(directory, $"{prefix}-images-idx3-ubyte");
        string? labels = FirstExisting(directory, $"{prefix}-labels-idx1-ubyte");
        return images is null || labels is null ? null : (images, labels);
    }

    private static string Locate(DataSplit split, params string[] candidates)
    {
        foreach (string candidate in candidates)
        {
            if (FindFiles(candidate, split) is not null)
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"No {Prefix(split)} IDX files in any of: {string.Join(", ", candidates)}. Install Debian's dataset-fashion-mnist or download with DatasetDownloader.");
    }

    private static string Prefix(DataSplit split) => split switch
    {
        DataSplit.Train => "train",
        DataSplit.Test => "t10k",
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, $"split = {split} must be Train or Test for IDX data sets."),
    };

    private static string? FirstExisting(string directory, string stem)
    {
        foreach (string name in new[] { stem + ".gz", stem, stem.Replace("-idx", ".idx", StringComparison.Ordinal) })
        {
            string path = Path.Combine(directory, name);
            if (File.Exists(path))
            {
                return path;
            }
        }
        return null;
    }
}
