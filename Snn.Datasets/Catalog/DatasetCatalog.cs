namespace Snn.Datasets.Catalog;

/// <summary>
/// The data sets Snn.Datasets knows: published URLs, sizes and checksums (SHA-256 where one is
/// published, MD5 where only that is), and where they are on this machine. The cache directory
/// is <c>$SNN_DATA</c> when that environment variable is set, otherwise <c>~/.snn/data</c>; each
/// data set lives in a sub-directory named after <see cref="DatasetEntry.Name"/>.
/// </summary>
public static class DatasetCatalog
{
    /// <summary>The environment variable that overrides the cache directory.</summary>
    public const string CacheVariable = "SNN_DATA";

    /// <summary>The root under which operating-system packages install data sets (Debian: <c>/usr/share/datasets</c>).</summary>
    public const string SystemRoot = "/usr/share/datasets";

    private const string FashionBase = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
    private const string MnistBase = "https://storage.googleapis.com/cvdf-datasets/mnist/";
    private const string NMnistBase = "https://data.mendeley.com/public-files/datasets/468j46mzdv/files/";
    private const string ZenkeBase = "https://zenkelab.org/datasets/";
    private const string DvsGesturePage = "https://ibm.ent.box.com/s/3hiq58ww1pbbjrinh367ykfdf60xsfm8/folder/50167556794";

    /// <summary>The cache directory: <c>$SNN_DATA</c>, or <c>~/.snn/data</c> when it is unset.</summary>
    public static string CacheDirectory
    {
        get
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable(CacheVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                return Path.GetFullPath(fromEnvironment);
            }
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".snn", "data");
        }
    }

    /// <summary>Every known data set.</summary>
    public static IReadOnlyList<DatasetEntry> All { get; } =
    [
        new DatasetEntry(
            "mnist", "MNIST handwritten digits (LeCun, Cortes & Burges)", "IDX (gzip)", "Formats.IdxDataset / Formats.IdxReader",
            "http://yann.lecun.com/exdb/mnist/", "CC BY-SA 3.0",
            [
                new("train-images-idx3-ubyte.gz", MnistBase + "train-images-idx3-ubyte.gz", 9_912_422, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
                new("train-labels-idx1-ubyte.gz", MnistBase + "train-labels-idx1-ubyte.gz", 28_881, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", "d53e105ee54ea40749a09fcbcd1e9432"),
                new("t10k-images-idx3-ubyte.gz", MnistBase + "t10k-images-idx3-ubyte.gz", 1_648_877, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", "9fb629c4189551a2d022fa330f9573f3"),
                new("t10k-labels-idx1-ubyte.gz", MnistBase + "t10k-labels-idx1-ubyte.gz", 4_542, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", "ec29112dd5afa0611ce80d1b7f02629c"),
            ]),
        new DatasetEntry(
            "fashion-mnist", "Fashion-MNIST (Xiao, Rasul & Vollgraf 2017)", "IDX (gzip)", "Formats.IdxDataset / Formats.IdxReader",
            "https://github.com/zalandoresearch/fashion-mnist", "MIT",
            [
                new("train-images-idx3-ubyte.gz", FashionBase + "train-images-idx3-ubyte.gz", 26_421_880, "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84", "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
                new("train-labels-idx1-ubyte.gz", FashionBase + "train-labels-idx1-ubyte.gz", 29_515, "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845", "25c81989df183df01b3e8a0aad5dffbe"),
                new("t10k-images-idx3-ubyte.gz", FashionBase + "t10k-images-idx3-ubyte.gz", 4_422_102, "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073", "bef4ecab320f06d8554ea6380940ec79"),
                new("t10k-labels-idx1-ubyte.gz", FashionBase + "t10k-labels-idx1-ubyte.gz", 5_148, "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5", "bb300cfdad3c16e7a12a480ee83cd310"),
            ],
            SystemDirectories: ["/usr/share/datasets/fashion-mnist"]),
        new DatasetEntry(
            "nmnist", "N-MNIST (Orchard et al. 2015)", "N-MNIST .bin (40-bit events) in zip archives", "Formats.NMnistBinReader",
            "https://www.garrickorchard.com/datasets/n-mnist", "CC BY-SA 4.0",
            [
                new("Train.zip", NMnistBase + "39c25547-014b-4137-a934-9d29fa53c7a0/file_downloaded", null, null, "20959b8e626244a1b502305a9e6e2031", "Train"),
                new("Test.zip", NMnistBase + "05a4d654-7e03-4c15-bdfa-9bb2bcbea494/file_downloaded", null, null, "69ca8762b2fe404d9b9bad1103e97832", "Test"),
            ]),
        new DatasetEntry(
            "shd", "Spiking Heidelberg Digits (Cramer et al. 2020)", "HDF5 in zip archives", "Formats.HeidelbergSpikesFile",
            "https://zenkelab.org/resources/spiking-heidelberg-datasets-shd/", "CC BY 4.0",
            [
                new("shd_train.h5.zip", ZenkeBase + "shd_train.h5.zip", null, null, "f3252aeb598ac776c1b526422d90eecb", "shd_train.h5"),
                new("shd_test.h5.zip", ZenkeBase + "shd_test.h5.zip", null, null, "1503a5064faa34311c398fb0a1ed0a6f", "shd_test.h5"),
            ]),
        new DatasetEntry(
            "ssc", "Spiking Speech Commands (Cramer et al. 2020)", "HDF5 in zip archives", "Formats.HeidelbergSpikesFile",
            "https://zenkelab.org/resources/spiking-heidelberg-datasets-shd/", "CC BY 4.0",
            [
                new("ssc_train.h5.zip", ZenkeBase + "ssc_train.h5.zip", null, null, "d102be95e7144fcc0553d1f45ba94170", "ssc_train.h5"),
                new("ssc_valid.h5.zip", ZenkeBase + "ssc_valid.h5.zip", null, null, "b4eee3516a4a90dd0c71a6ac23a8ae43", "ssc_valid.h5"),
                new("ssc_test.h5.zip", ZenkeBase + "ssc_test.h5.zip", null, null, "a35ff1e9cffdd02a20eb850c17c37748", "ssc_test.h5"),
            ]),
        new DatasetEntry(
            "dvs-gesture", "IBM DVS128 Gesture (Amir et al. 2017)", "AEDAT 3.1 + *_labels.csv in a tar.gz archive", "Formats.DvsGestureReader / Formats.AedatReader",
            "https://research.ibm.com/interactive/dvsgesture/", "CC BY 4.0",
            [
                new("DvsGesture.tar.gz", DvsGesturePage, null, null, "8a5c71fb11e24e5ca5b11866ca6c00a1", "DvsGesture"),
            ],
            ManualDownloadPage: DvsGesturePage),
    ];

    /// <summary>The entry named <paramref name="name"/> (case-insensitive).</summary>
    /// <param name="name">One of the <see cref="DatasetEntry.Name"/>s of <see cref="All"/>.</param>
    /// <exception cref="ArgumentException">No such data set; the message lists the known names.</exception>
    public static DatasetEntry Get(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        foreach (var entry in All)
        {
            if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }
        }
        var names = new string[All.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = All[i].Name;
        }
        throw new ArgumentException($"name = '{name}' is not a known data set; known: {string.Join(", ", names)}.", nameof(name));
    }

    /// <summary>
    /// Lists the data sets present on this machine: in the cache (<c>&lt;cache&gt;/&lt;name&gt;</c>)
    /// and in operating-system package directories (the entry's
    /// <see cref="DatasetEntry.SystemDirectories"/> and <c>&lt;systemRoot&gt;/&lt;name&gt;</c>). A data
    /// set is listed when at least one of its files is present, as downloaded or extracted;
    /// <see cref="LocalDataset.IsComplete"/> says whether all are. Presence only: checksums are
    /// not computed here (Debian recompresses Fashion-MNIST, so its bytes differ from the
    /// published archives while the data are the same).
    /// </summary>
    /// <param name="cacheDirectory">The cache to search; <see cref="CacheDirectory"/> when null.</param>
    /// <param name="systemRoot">The package data root; <see cref="SystemRoot"/> when null.</param>
    public static IReadOnlyList<LocalDataset> FindLocal(string? cacheDirectory = null, string? systemRoot = null)
    {
        string cache = cacheDirectory ?? CacheDirectory;
        string root = systemRoot ?? SystemRoot;
        var found = new List<LocalDataset>();
        foreach (var entry in All)
        {
            Probe(entry, Path.Combine(cache, entry.Name), isSystem: false, found);
            var seen = new HashSet<string>(StringComparer.Ordinal) { Path.GetFullPath(Path.Combine(cache, entry.Name)) };
            var systemDirectories = new List<string>(entry.SystemDirectories ?? []) { Path.Combine(root, entry.Name) };
            foreach (string directory in systemDirectories)
            {
                if (seen.Add(Path.GetFullPath(directory)))
                {
                    Probe(entry, directory, isSystem: true, found);
                }
            }
        }
        return found;
    }

    /// <summary>Whether <paramref name="file"/> is present in <paramref name="directory"/>, as downloaded, extracted or (for .gz) decompressed.</summary>
    /// <param name="file">The catalogue file.</param>
    /// <param name="directory">The data set's directory.</param>
    public static bool IsPresent(DatasetFile file, string directory)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (File.Exists(Path.Combine(directory, file.FileName)))
        {
            return true;
        }
        if (file.ExtractsTo is string extracted)
        {
            string path = Path.Combine(directory, extracted);
            return File.Exists(path) || Directory.Exists(path);
        }
        return file.FileName.EndsWith(".gz", StringComparison.Ordinal)
            && File.Exists(Path.Combine(directory, file.FileName[..^3]));
    }

    private static void Probe(DatasetEntry entry, string directory, bool isSystem, List<LocalDataset> found)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }
        var present = new List<string>();
        var missing = new List<string>();
        foreach (var file in entry.Files)
        {
            (IsPresent(file, directory) ? present : missing).Add(file.FileName);
        }
        if (present.Count > 0)
        {
            found.Add(new LocalDataset(entry, directory, isSystem, present, missing));
        }
    }
}
