using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Snn.Core.Validation;

namespace Snn.Datasets.Catalog;

/// <summary>
/// Downloads catalogue files into the cache with resume and verification. A file is written to
/// <c>&lt;name&gt;.part</c> and renamed to its final name only after its size and checksums
/// (whatever the catalogue knows: SHA-256, MD5, size) match, so a final name never holds a
/// partial or unverified file. An interrupted transfer is resumed with an HTTP Range request,
/// both within a call (up to <see cref="MaxAttempts"/> tries) and across calls when a
/// <c>.part</c> file is left by a cancelled or killed run. When a call fails for good (HTTP
/// error, checksum mismatch, all tries used), its <c>.part</c> file is deleted and a
/// <see cref="DatasetDownloadException"/> explains what happened; only cancellation keeps the
/// <c>.part</c> file, to be resumed by the next call.
/// </summary>
public sealed class DatasetDownloader : IDisposable
{
    private const string PartSuffix = ".part";
    private readonly HttpClient _http;

    /// <summary>Creates a downloader.</summary>
    /// <param name="handler">The HTTP handler (tests inject one); a default <see cref="SocketsHttpHandler"/> when null.</param>
    /// <param name="cacheDirectory">The cache root; <see cref="DatasetCatalog.CacheDirectory"/> when null.</param>
    /// <param name="maxAttempts">Tries per file, resuming after each interrupted one, in [1, 100].</param>
    public DatasetDownloader(HttpMessageHandler? handler = null, string? cacheDirectory = null, int maxAttempts = 3)
    {
        MaxAttempts = Guard.InRange(maxAttempts, 1, 100, nameof(maxAttempts));
        CacheDirectory = cacheDirectory ?? DatasetCatalog.CacheDirectory;
        _http = handler is null
            ? new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }, disposeHandler: true)
            : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Snn.Datasets", "1.0"));
    }

    /// <summary>The cache root; each data set goes to a sub-directory named after it.</summary>
    public string CacheDirectory { get; }

    /// <summary>Tries per file.</summary>
    public int MaxAttempts { get; }

    /// <summary>
    /// Downloads (or verifies, when already present) every file of a data set into
    /// <c>&lt;cache&gt;/&lt;name&gt;</c> and extracts archives. Returns the data set's directory.
    /// </summary>
    /// <param name="name">The catalogue name, for example <c>"shd"</c>.</param>
    /// <param name="extract">Whether to extract .zip and .tar.gz archives after verifying them.</param>
    /// <param name="progress">Receives the bytes written so far for the current file.</param>
    /// <param name="cancellationToken">Cancels the download (the .part file is kept for resuming).</param>
    /// <exception cref="DatasetDownloadException">A file could not be fetched or verified, or the data set needs a manual download (the message says from where and to where).</exception>
    public Task<string> DownloadAsync(string name, bool extract = true, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
        => DownloadAsync(DatasetCatalog.Get(name), extract, progress, cancellationToken);

    /// <summary>
    /// Downloads (or verifies, when already present) every file of <paramref name="entry"/> into
    /// <c>&lt;cache&gt;/&lt;entry.Name&gt;</c> and extracts archives. Returns the data set's directory.
    /// An archive whose extracted form is already there is not fetched again.
    /// </summary>
    /// <param name="entry">A catalogue entry (from <see cref="DatasetCatalog.All"/> or made by the caller).</param>
    /// <param name="extract">Whether to extract .zip and .tar.gz archives after verifying them.</param>
    /// <param name="progress">Receives the bytes written so far for the current file.</param>
    /// <param name="cancellationToken">Cancels the download (the .part file is kept for resuming).</param>
    /// <exception cref="DatasetDownloadException">A file could not be fetched or verified, or the data set needs a manual download.</exception>
    public async Task<string> DownloadAsync(DatasetEntry entry, bool extract = true, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string directory = Path.Combine(CacheDirectory, entry.Name);
        foreach (var file in entry.Files)
        {
            string path = Path.Combine(directory, file.FileName);
            if (!entry.CanDownload)
            {
                if (!File.Exists(path))
                {
                    if (DatasetCatalog.IsPresent(file, directory))
                    {
                        continue;
                    }
                    throw new DatasetDownloadException(
                        $"{entry.Title} cannot be downloaded automatically (its host needs a browser). Download {file.FileName} from {entry.ManualDownloadPage} and put it in '{directory}'; it will then be verified{Checks(file)} and extracted.");
                }
                await VerifyAsync(path, file, cancellationToken).ConfigureAwait(false);
            }
            else if (!(file.IsArchive && DatasetCatalog.IsPresent(file, directory) && !File.Exists(path)))
            {
                await DownloadFileAsync(file, directory, progress, cancellationToken).ConfigureAwait(false);
            }
            if (extract && file.ExtractsTo is string target && File.Exists(path)
                && !File.Exists(Path.Combine(directory, target)) && !Directory.Exists(Path.Combine(directory, target)))
            {
                ExtractArchive(path, directory);
            }
        }
        return directory;
    }

    /// <summary>
    /// Downloads one file into <paramref name="directory"/> and verifies it; returns its path.
    /// A file already there that passes verification is kept without downloading; one that fails
    /// is replaced.
    /// </summary>
    /// <param name="file">The catalogue file.</param>
    /// <param name="directory">The target directory (created if needed).</param>
    /// <param name="progress">Receives the bytes written so far.</param>
    /// <param name="cancellationToken">Cancels the download (the .part file is kept for resuming).</param>
    /// <exception cref="DatasetDownloadException">The file could not be fetched or failed verification.</exception>
    public async Task<string> DownloadFileAsync(DatasetFile file, string directory, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        string final = Path.Combine(directory, file.FileName);
        string part = final + PartSuffix;
        if (File.Exists(final))
        {
            if (await MismatchAsync(final, file, cancellationToken).ConfigureAwait(false) is null)
            {
                return final;
            }
            File.Delete(final);
        }
        try
        {
            await FetchAsync(file, part, progress, cancellationToken).ConfigureAwait(false);
            string? mismatch = await MismatchAsync(part, file, cancellationToken).ConfigureAwait(false);
            if (mismatch is not null)
            {
                throw new DatasetDownloadException($"Downloaded {file.Url} to '{final}' but {mismatch}; the file was removed.");
            }
            File.Move(part, final, overwrite: true);
            return final;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch
        {
            TryDelete(part);
            throw;
        }
    }

    /// <summary>Checks a file against the catalogue's size and checksums.</summary>
    /// <param name="path">The file to check.</param>
    /// <param name="file">The catalogue file it should be.</param>
    /// <param name="cancellationToken">Cancels hashing.</param>
    /// <exception cref="DatasetDownloadException">The size or a checksum differs (the message gives expected and actual values).</exception>
    public static async Task VerifyAsync(string path, DatasetFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        string? mismatch = await MismatchAsync(path, file, cancellationToken).ConfigureAwait(false);
        if (mismatch is not null)
        {
            throw new DatasetDownloadException($"'{path}' is not the published {file.FileName}: {mismatch}.");
        }
    }

    /// <summary>
    /// Extracts a .zip, .tar.gz/.tgz or .tar archive into <paramref name="directory"/>, refusing
    /// entries that would land outside it. A failed extraction removes what it wrote.
    /// </summary>
    /// <param name="archivePath">The archive.</param>
    /// <param name="directory">Where to extract.</param>
    /// <exception cref="DataFormatException">The archive is corrupt or of an unknown kind.</exception>
    public static void ExtractArchive(string archivePath, string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(archivePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string staging = Path.Combine(directory, "." + Path.GetFileName(archivePath) + ".extracting");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
        Directory.CreateDirectory(staging);
        try
        {
            string lower = archivePath.ToLowerInvariant();
            if (lower.EndsWith(".zip", StringComparison.Ordinal))
            {
                ZipFile.ExtractToDirectory(archivePath, staging);
            }
            else if (lower.EndsWith(".tar.gz", StringComparison.Ordinal) || lower.EndsWith(".tgz", StringComparison.Ordinal))
            {
                using var input = File.OpenRead(archivePath);
                using var gzip = new GZipStream(input, CompressionMode.Decompress);
                TarFile.ExtractToDirectory(gzip, staging, overwriteFiles: false);
            }
            else if (lower.EndsWith(".tar", StringComparison.Ordinal))
            {
                TarFile.ExtractToDirectory(archivePath, staging, overwriteFiles: false);
            }
            else
            {
                throw new DataFormatException(archivePath, null, null, "is not a .zip, .tar.gz, .tgz or .tar archive");
            }
            foreach (string entry in Directory.EnumerateFileSystemEntries(staging))
            {
                string target = Path.Combine(directory, Path.GetFileName(entry));
                if (File.Exists(entry))
                {
                    File.Move(entry, target, overwrite: true);
                }
                else
                {
                    if (Directory.Exists(target))
                    {
                        Directory.Delete(target, recursive: true);
                    }
                    Directory.Move(entry, target);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException and not DataFormatException)
        {
            throw new DataFormatException(archivePath, null, null, $"cannot be extracted: {e.Message}", e);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task FetchAsync(DatasetFile file, string part, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        long have = File.Exists(part) ? new FileInfo(part).Length : 0;
        if (file.SizeBytes is long size && have > size)
        {
            File.Delete(part);
            have = 0;
        }
        Exception? lastError = null;
        for (int attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (file.SizeBytes is long complete && have == complete)
            {
                return;
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, file.Url);
            if (have > 0)
            {
                request.Headers.Range = new RangeHeaderValue(have, null);
            }
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                lastError = e;
                continue;
            }
            using (response)
            {
                if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && have > 0)
                {
                    lastError = new DatasetDownloadException($"{file.Url} refused to resume at byte {have}");
                    File.Delete(part);
                    have = 0;
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    var status = response.StatusCode;
                    var error = new DatasetDownloadException($"Downloading {file.Url} failed: HTTP {(int)status} {response.ReasonPhrase}.");
                    if ((int)status >= 500)
                    {
                        lastError = error;
                        continue;
                    }
                    throw error;
                }
                bool resumed = have > 0 && response.StatusCode == HttpStatusCode.PartialContent
                    && response.Content.Headers.ContentRange?.From == have;
                if (!resumed)
                {
                    have = 0;
                }
                try
                {
                    await using var output = new FileStream(part, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                    await using var input = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                    var buffer = new byte[1 << 16];
                    int read;
                    while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                        have += read;
                        progress?.Report(have);
                    }
                    if (file.SizeBytes is null || have == file.SizeBytes)
                    {
                        return;
                    }
                    lastError = new DatasetDownloadException($"{file.Url} ended after {have} of {file.SizeBytes} bytes");
                }
                catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                {
                    have = File.Exists(part) ? new FileInfo(part).Length : 0;
                    lastError = e;
                }
            }
        }
        throw new DatasetDownloadException(
            $"Downloading {file.Url} to '{part[..^PartSuffix.Length]}' failed after {MaxAttempts} attempt(s) with {have} bytes received: {lastError?.Message}. The partial file was removed.",
            lastError);
    }

    private static async Task<string?> MismatchAsync(string path, DatasetFile file, CancellationToken cancellationToken)
    {
        long length = new FileInfo(path).Length;
        if (file.SizeBytes is long size && length != size)
        {
            return $"its size is {length} bytes, expected {size}";
        }
        if (file.Sha256 is string sha)
        {
            string actual = await HashAsync(path, SHA256.Create(), cancellationToken).ConfigureAwait(false);
            if (!string.Equals(actual, sha, StringComparison.OrdinalIgnoreCase))
            {
                return $"its SHA-256 is {actual}, expected {sha}";
            }
        }
        else if (file.Md5 is string md5)
        {
            string actual = await HashAsync(path, MD5.Create(), cancellationToken).ConfigureAwait(false);
            if (!string.Equals(actual, md5, StringComparison.OrdinalIgnoreCase))
            {
                return $"its MD5 is {actual}, expected {md5}";
            }
        }
        return null;
    }

    private static async Task<string> HashAsync(string path, HashAlgorithm algorithm, CancellationToken cancellationToken)
    {
        using (algorithm)
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            byte[] hash = await algorithm.ComputeHashAsync(stream, cancellationToken).ConfigureAwait(false);
            return Convert.ToHexStringLower(hash);
        }
    }

    private static string Checks(DatasetFile file)
    {
        var checks = new List<string>();
        if (file.SizeBytes is long size)
        {
            checks.Add($"size {size} bytes");
        }
        if (file.Sha256 is string sha)
        {
            checks.Add($"SHA-256 {sha}");
        }
        else if (file.Md5 is string md5)
        {
            checks.Add($"MD5 {md5}");
        }
        return checks.Count == 0 ? "" : $" ({string.Join(", ", checks)})";
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The .part file is in use or already gone: nothing more to clean.
        }
    }
}
