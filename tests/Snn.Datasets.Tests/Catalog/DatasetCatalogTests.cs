using Snn.Datasets.Catalog;
using Snn.Datasets.Tests.Support;

namespace Snn.Datasets.Tests.Catalog;

public sealed class DatasetCatalogTests
{
    [Fact]
    public void EveryEntryHasFilesWithAChecksumAndHexDigestsOfTheRightLength()
    {
        Assert.Equal(["mnist", "fashion-mnist", "nmnist", "shd", "ssc", "dvs-gesture"], DatasetCatalog.All.Select(e => e.Name));
        foreach (var entry in DatasetCatalog.All)
        {
            Assert.NotEmpty(entry.Files);
            foreach (var file in entry.Files)
            {
                Assert.True(file.Sha256 is not null || file.Md5 is not null, $"{entry.Name}/{file.FileName} has no checksum");
                Assert.True(file.Sha256 is null || (file.Sha256.Length == 64 && file.Sha256.All(Uri.IsHexDigit)));
                Assert.True(file.Md5 is null || (file.Md5.Length == 32 && file.Md5.All(Uri.IsHexDigit)));
                Assert.StartsWith("http", file.Url);
            }
        }
    }

    [Fact]
    public void UnknownNameListsTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => DatasetCatalog.Get("cifar"));
        Assert.Contains("mnist, fashion-mnist", e.Message);
        Assert.Same(DatasetCatalog.Get("shd"), DatasetCatalog.Get("SHD"));
    }

    [Fact]
    public void FindLocalListsCacheAndSystemDirectoriesWithCompleteness()
    {
        using var cache = new TempDirectory();
        using var system = new TempDirectory();
        Directory.CreateDirectory(cache.File("shd"));
        File.WriteAllBytes(Path.Combine(cache.File("shd"), "shd_test.h5"), [0]);
        Directory.CreateDirectory(system.File("mnist"));
        foreach (var file in DatasetCatalog.Get("mnist").Files)
        {
            File.WriteAllBytes(Path.Combine(system.File("mnist"), file.FileName[..^3]), [0]);
        }
        var found = DatasetCatalog.FindLocal(cache.Path, system.Path).Where(d => d.Entry.Name != "fashion-mnist").ToList();
        Assert.Equal(2, found.Count);
        var mnist = found.Single(d => d.Entry.Name == "mnist");
        Assert.True(mnist.IsSystem);
        Assert.True(mnist.IsComplete);
        var shd = found.Single(d => d.Entry.Name == "shd");
        Assert.False(shd.IsSystem);
        Assert.False(shd.IsComplete);
        Assert.Equal(["shd_test.h5.zip"], shd.PresentFiles);
        Assert.Equal(["shd_train.h5.zip"], shd.MissingFiles);
    }

    [FashionMnistFact]
    public void FindLocalSeesDebiansFashionMnist()
    {
        using var cache = new TempDirectory();
        var fashion = DatasetCatalog.FindLocal(cache.Path).Single(d => d.Entry.Name == "fashion-mnist");
        Assert.True(fashion.IsSystem);
        Assert.True(fashion.IsComplete);
        Assert.Equal("/usr/share/datasets/fashion-mnist", fashion.Directory);
    }

    [Fact]
    public void CacheDirectoryFollowsTheEnvironmentVariable()
    {
        string? before = Environment.GetEnvironmentVariable(DatasetCatalog.CacheVariable);
        try
        {
            Environment.SetEnvironmentVariable(DatasetCatalog.CacheVariable, "/tmp/snn-cache-test");
            Assert.Equal("/tmp/snn-cache-test", DatasetCatalog.CacheDirectory);
            Environment.SetEnvironmentVariable(DatasetCatalog.CacheVariable, null);
            Assert.EndsWith(Path.Combine(".snn", "data"), DatasetCatalog.CacheDirectory);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DatasetCatalog.CacheVariable, before);
        }
    }
}
