using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using Snn.Datasets.Catalog;
using Snn.Datasets.Tests.Support;

namespace Snn.Datasets.Tests.Catalog;

public sealed class DatasetDownloaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static byte[] Body(int length)
    {
        var body = new byte[length];
        for (int i = 0; i < length; i++)
        {
            body[i] = (byte)(i * 31 + 7);
        }
        return body;
    }

    private static DatasetFile Describe(byte[] body, string name = "data.bin", bool sha = true, bool md5 = false, bool size = true) => new(
        name,
        "https://example.invalid/" + name,
        size ? body.Length : null,
        sha ? Convert.ToHexStringLower(SHA256.HashData(body)) : null,
        md5 ? Convert.ToHexStringLower(MD5.HashData(body)) : null);

    [Fact]
    public async Task VerifiedFileIsRenamedIntoPlace()
    {
        var body = Body(100_000);
        using var downloader = new DatasetDownloader(new FakeServer(body), _dir.Path);
        string path = await downloader.DownloadFileAsync(Describe(body), _dir.Path);
        Assert.Equal(_dir.File("data.bin"), path);
        Assert.Equal(body, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + ".part"));
    }

    [Fact]
    public async Task InterruptedTransferResumesWithARangeRequest()
    {
        var body = Body(200_000);
        var server = new FakeServer(body) { FailuresLeft = 1, FailAfterBytes = 70_000 };
        using var downloader = new DatasetDownloader(server, _dir.Path);
        string path = await downloader.DownloadFileAsync(Describe(body), _dir.Path);
        Assert.Equal(body, File.ReadAllBytes(path));
        Assert.Equal(2, server.Ranges.Count);
        Assert.Null(server.Ranges[0]);
        Assert.Equal(70_000, server.Ranges[1]!.Ranges.Single().From);
    }

    [Fact]
    public async Task PartFileLeftByAnEarlierRunIsResumed()
    {
        var body = Body(50_000);
        File.WriteAllBytes(_dir.File("data.bin.part"), body[..20_000]);
        var server = new FakeServer(body);
        using var downloader = new DatasetDownloader(server, _dir.Path);
        await downloader.DownloadFileAsync(Describe(body, md5: true, sha: false), _dir.Path);
        Assert.Equal(20_000, server.Ranges.Single()!.Ranges.Single().From);
        Assert.Equal(body, File.ReadAllBytes(_dir.File("data.bin")));
    }

    [Fact]
    public async Task ServerIgnoringRangeRestartsFromTheBeginning()
    {
        var body = Body(50_000);
        File.WriteAllBytes(_dir.File("data.bin.part"), body[..20_000]);
        using var downloader = new DatasetDownloader(new FakeServer(body) { HonoursRange = false }, _dir.Path);
        await downloader.DownloadFileAsync(Describe(body), _dir.Path);
        Assert.Equal(body, File.ReadAllBytes(_dir.File("data.bin")));
    }

    [Fact]
    public async Task ChecksumMismatchFailsClearlyAndLeavesNoFile()
    {
        var body = Body(10_000);
        var file = Describe(body) with { Sha256 = new string('0', 64) };
        using var downloader = new DatasetDownloader(new FakeServer(body), _dir.Path);
        var e = await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.DownloadFileAsync(file, _dir.Path));
        Assert.Contains("SHA-256", e.Message);
        Assert.Contains(file.Url, e.Message);
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task SizeMismatchIsReportedWhenNoChecksumIsKnown()
    {
        var body = Body(10_000);
        var file = Describe(body, sha: false) with { SizeBytes = 9_999 };
        using var downloader = new DatasetDownloader(new FakeServer(body) { HonoursRange = false }, _dir.Path, maxAttempts: 1);
        var e = await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.DownloadFileAsync(file, _dir.Path));
        Assert.Contains("10000", e.Message);
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task HttpErrorNamesTheStatusAndUrl()
    {
        var body = Body(10);
        using var downloader = new DatasetDownloader(new FakeServer(body) { Status = HttpStatusCode.NotFound }, _dir.Path);
        var e = await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.DownloadFileAsync(Describe(body), _dir.Path));
        Assert.Contains("404", e.Message);
        Assert.Contains("https://example.invalid/data.bin", e.Message);
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task RepeatedInterruptionsGiveUpAndRemoveThePartialFile()
    {
        var body = Body(100_000);
        var server = new FakeServer(body) { FailuresLeft = 10, FailAfterBytes = 1_000 };
        using var downloader = new DatasetDownloader(server, _dir.Path, maxAttempts: 2);
        var e = await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.DownloadFileAsync(Describe(body), _dir.Path));
        Assert.Contains("2 attempt(s)", e.Message);
        Assert.Contains("partial file was removed", e.Message);
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task ExistingVerifiedFileIsNotDownloadedAgain()
    {
        var body = Body(1_000);
        File.WriteAllBytes(_dir.File("data.bin"), body);
        var server = new FakeServer(body);
        using var downloader = new DatasetDownloader(server, _dir.Path);
        await downloader.DownloadFileAsync(Describe(body), _dir.Path);
        Assert.Empty(server.Ranges);
    }

    [Fact]
    public async Task CatalogEntryIsDownloadedIntoItsCacheFolderAndExtracted()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("shd_train.h5").Open();
            entry.Write([1, 2, 3]);
        }
        var body = zip.ToArray();
        var file = DatasetCatalog.Get("shd").Files[0];
        var server = new FakeServer(body);
        var forged = file with { Md5 = Convert.ToHexStringLower(MD5.HashData(body)) };
        using var downloader = new DatasetDownloader(server, _dir.Path);
        string directory = Path.Combine(_dir.Path, "shd");
        await downloader.DownloadFileAsync(forged, directory);
        DatasetDownloader.ExtractArchive(Path.Combine(directory, forged.FileName), directory);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Path.Combine(directory, "shd_train.h5")));
        Assert.True(DatasetCatalog.IsPresent(file, directory));
    }

    [Fact]
    public async Task EntryDownloadExtractsTarGzArchivesAndSkipsVerifiedFilesNextTime()
    {
        var tar = new MemoryStream();
        using (var gzip = new GZipStream(tar, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new System.Formats.Tar.TarWriter(gzip))
        {
            var entry = new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "DvsGesture/user01_led_labels.csv")
            {
                DataStream = new MemoryStream("1,0,10\n"u8.ToArray()),
            };
            writer.WriteEntry(entry);
        }
        var body = tar.ToArray();
        var file = new DatasetFile("gestures.tar.gz", "https://example.invalid/gestures.tar.gz", body.Length, Convert.ToHexStringLower(SHA256.HashData(body)), null, "DvsGesture");
        var dataset = new DatasetEntry("toy", "Toy", "AEDAT", "DvsGestureReader", "https://example.invalid", "CC0", [file]);
        var server = new FakeServer(body);
        using var downloader = new DatasetDownloader(server, _dir.Path);
        string directory = await downloader.DownloadAsync(dataset);
        Assert.Equal(Path.Combine(_dir.Path, "toy"), directory);
        Assert.Equal("1,0,10\n", File.ReadAllText(Path.Combine(directory, "DvsGesture", "user01_led_labels.csv")));
        Assert.Single(server.Ranges);
        await downloader.DownloadAsync(dataset);
        Assert.Single(server.Ranges);
        Assert.True(DatasetCatalog.IsPresent(file, directory));
    }

    [Fact]
    public void CorruptArchiveIsReportedWithItsName()
    {
        string path = _dir.File("broken.zip");
        File.WriteAllBytes(path, Body(1000));
        var e = Assert.Throws<DataFormatException>(() => DatasetDownloader.ExtractArchive(path, _dir.Path));
        Assert.Contains(path, e.Message);
        Assert.Equal(["broken.zip"], Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ManualDownloadDataSetExplainsWhereToPutTheFile()
    {
        using var downloader = new DatasetDownloader(new FakeServer([]), _dir.Path);
        var e = await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.DownloadAsync("dvs-gesture"));
        Assert.Contains("ibm.ent.box.com", e.Message);
        Assert.Contains(Path.Combine(_dir.Path, "dvs-gesture"), e.Message);
        Assert.Contains("8a5c71fb11e24e5ca5b11866ca6c00a1", e.Message);
    }

    [Fact]
    public async Task CancellationKeepsThePartFileForResuming()
    {
        var body = Body(100_000);
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress(bytes =>
        {
            if (bytes > 0)
            {
                cancel.Cancel();
            }
        });
        using var downloader = new DatasetDownloader(new FakeServer(body), _dir.Path);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => downloader.DownloadFileAsync(Describe(body), _dir.Path, progress, cancel.Token));
        Assert.True(File.Exists(_dir.File("data.bin.part")));
        Assert.False(File.Exists(_dir.File("data.bin")));
    }

    [Fact]
    public void InvalidAttemptCountNamesTheRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DatasetDownloader(new FakeServer([]), _dir.Path, maxAttempts: 0));
        Assert.Equal("maxAttempts", e.ParamName);
        Assert.Contains("[1, 100]", e.Message);
    }

    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
