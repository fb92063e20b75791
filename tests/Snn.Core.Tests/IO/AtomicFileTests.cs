using System.Reflection;
using Snn.Core.IO;
using Snn.Tests.Shared;

namespace Snn.Core.Tests.IO;

/// <summary>A write that fails part-way leaves the previous file byte for byte and no temporary
/// file; a write that succeeds replaces the file whole.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("snn-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public void AWriterThatThrowsPartWayLeavesThePreviousFileAndNoTemporaryFile()
    {
        string path = PathOf("model.bin");
        File.WriteAllBytes(path, [1, 2, 3]);
        var error = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[100_000]);
            throw new IOException("No space left on device");
        }));
        Assert.Equal("No space left on device", error.Message);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void AWriteThatSucceedsReplacesTheFileWhole()
    {
        string path = PathOf("model.bin");
        File.WriteAllBytes(path, new byte[1000]);
        AtomicFile.Write(path, stream => stream.Write([7, 8]));
        Assert.Equal([7, 8], File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    /// <summary>A library that writes through reflection (PureHDF) wraps the disk's IOException; the
    /// caller sees the IOException itself.</summary>
    [Fact]
    public void AReflectionWrappedFailureSurfacesAsItsCause()
    {
        string path = PathOf("graph.nir");
        File.WriteAllText(path, "previous");
        Assert.Throws<IOException>(() => AtomicFile.WriteVia(path, temporary =>
        {
            File.WriteAllBytes(temporary, new byte[4096]);
            throw new TargetInvocationException(new IOException("No space left on device"));
        }));
        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void TextIsWrittenAsUtf8WithoutAMarkAndReplacesTheFileWhole()
    {
        string path = PathOf("report.json");
        File.WriteAllText(path, "{ \"old\": true }");

        ReplacedFile.AssertReplacedWhole(path, () => AtomicFile.WriteText(path, "{ \"µs\": 1 }"));

        Assert.Equal([(byte)'{', (byte)' ', (byte)'"', 0xC2, 0xB5, (byte)'s'], File.ReadAllBytes(path)[..6]);
    }

    /// <summary>The check itself can fail: a write into the old file (what <see cref="File.WriteAllText(string, string?)"/>
    /// does) cuts short what a reader of the old file sees.</summary>
    [Fact]
    public void AWriteIntoTheOldFileIsNotAReplacement()
    {
        string path = PathOf("report.json");
        File.WriteAllText(path, "{ \"old\": true, \"long\": \"enough to be cut short\" }");

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ReplacedFile.AssertReplacedWhole(path, () => File.WriteAllText(path, "{ }")));
    }

    [Fact]
    public void AMissingFolderIsNamed()
    {
        string path = Path.Combine(_folder, "absent", "x.bin");
        var error = Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.Write(path, _ => { }));
        Assert.Contains("absent", error.Message);
    }
}
