using Xunit;

namespace Snn.Tests.Shared;

/// <summary>Checks that a writer replaces an existing file by renaming a complete new file over it
/// (<c>Snn.Core.IO.AtomicFile</c>) rather than truncating and rewriting the old one: a reader that
/// opened the old file before the write still reads all of its old bytes afterwards, which a write
/// into the same file (<c>File.WriteAllText</c>) would have cut short or overwritten.</summary>
internal static class ReplacedFile
{
    /// <summary>Runs <paramref name="write"/> over the existing file at <paramref name="path"/>
    /// while a reader holds it open, and asserts that the reader still sees the old content whole,
    /// that the path holds new content, and that no temporary file was left beside it.</summary>
    internal static void AssertReplacedWhole(string path, Action write)
    {
        byte[] before = File.ReadAllBytes(path);
        Assert.NotEmpty(before);
        byte[] seen;
        using (var held = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            write();
            using var rest = new MemoryStream();
            held.CopyTo(rest);
            seen = rest.ToArray();
        }
        Assert.Equal(before, seen);
        Assert.NotEqual(before, File.ReadAllBytes(path));
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Assert.Empty(Directory.GetFiles(folder, $".{Path.GetFileName(path)}.*.tmp"));
    }
}
