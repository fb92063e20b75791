using Snn.Bench.Cli;
using Snn.Datasets.Catalog;

namespace Snn.Bench.Tests.Cli;

public class DatasetsCommandTests
{
    [Fact]
    public void DatasetsOptionsAreRead()
    {
        var cli = new BenchCli(new CapturedConsole().Console);

        var settings = cli.DatasetsSettingsFrom(cli.Root.Parse("datasets --cache c --system-root r"));

        Assert.Equal(new DatasetsSettings("c", "r"), settings);
        Assert.Equal(new DatasetsSettings(null, null), cli.DatasetsSettingsFrom(cli.Root.Parse("datasets")));
    }

    [Fact]
    public void EmptyCacheListsNoCachedDataSetButTheWholeCatalogueAndTheCacheHint()
    {
        using var cache = new TemporaryDirectory();
        using var root = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["datasets", "--cache", cache.Path, "--system-root", root.Path]);

        Assert.Equal(0, code);
        Assert.DoesNotContain("cache: ", console.Text);
        foreach (var entry in DatasetCatalog.All)
        {
            Assert.Contains(entry.Name, console.Text);
        }
        Assert.Contains("11.1 MiB", console.Text);
        Assert.Contains("Cache directory: " + cache.Path, console.Text);
        Assert.Contains(DatasetCatalog.CacheVariable, console.Text);
    }

    [Fact]
    public void PartialDataSetInTheCacheNamesItsMissingFiles()
    {
        using var cache = new TemporaryDirectory();
        using var root = new TemporaryDirectory();
        Directory.CreateDirectory(Path.Combine(cache.Path, "mnist"));
        File.WriteAllBytes(Path.Combine(cache.Path, "mnist", "train-images-idx3-ubyte.gz"), [0]);
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["datasets", "--cache", cache.Path, "--system-root", root.Path]);

        Assert.Equal(0, code);
        Assert.Contains("cache: " + Path.Combine(cache.Path, "mnist"), console.Text);
        Assert.Contains("missing train-labels-idx1-ubyte.gz", console.Text);
    }
}
