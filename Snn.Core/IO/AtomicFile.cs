using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text;

namespace Snn.Core.IO;

/// <summary>
/// Writes files so that a path holds either its previous content or the complete new content, never
/// a partial file: the content goes to a temporary file in the same folder (so the final rename stays
/// on one file system), is flushed to the disk, and is renamed over the path only when writing
/// succeeded. On failure (a full disk, an exception of the writer) the temporary file is removed and
/// the exception propagates; the file at the path is untouched.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8WithoutMark = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>, which receives a stream
    /// on a temporary file.</summary>
    /// <param name="path">The destination; its folder must exist.</param>
    /// <param name="write">Writes the whole content to the stream it is given.</param>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteVia(path, temporary =>
        {
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            write(stream);
        });
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> as UTF-8 without a byte
    /// order mark, the atomic counterpart of <see cref="File.WriteAllText(string, string?)"/>.</summary>
    /// <param name="path">The destination; its folder must exist.</param>
    /// <param name="text">The whole content.</param>
    public static void WriteText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] bytes = Utf8WithoutMark.GetBytes(text);
        Write(path, stream => stream.Write(bytes));
    }

    /// <summary>Writes <paramref name="path"/> through a library that only writes to a path of its
    /// own: <paramref name="writeTemporary"/> receives the temporary path to write to.</summary>
    /// <param name="path">The destination; its folder must exist.</param>
    /// <param name="writeTemporary">Writes the whole content to the path it is given.</param>
    public static void WriteVia(string path, Action<string> writeTemporary)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(writeTemporary);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Cannot write '{path}': the folder '{folder}' does not exist.");
        }
        string temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            writeTemporary(temporary);
            using (var written = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite))
            {
                written.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is not null)
        {
            // Writers that dispatch by reflection (PureHDF) wrap an IOException of a full disk.
            ExceptionDispatchInfo.Capture(wrapped.InnerException).Throw();
            throw;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
