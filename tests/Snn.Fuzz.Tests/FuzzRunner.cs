namespace Snn.Fuzz.Tests;

/// <summary>
/// Runs a reader on files and checks its contract on each: only documented exception types
/// escape, it returns within a time limit, and it stays below its target's cap both in managed bytes
/// allocated (measured on the reading thread with <see cref="GC.GetAllocatedBytesForCurrentThread"/>)
/// and in how much it raises the process's peak resident memory (on Linux, where
/// <c>/proc/self/clear_refs</c> resets the peak before each read).
/// </summary>
public static class FuzzRunner
{
    /// <summary>The time one read may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>The memory one read of a small file may take (256 MiB).</summary>
    public const long AllocationCap = 256L << 20;

    /// <summary>
    /// The cap of the HDF5 readers (2.5 GiB): PureHDF 2.2 allocates a metadata buffer (a link or
    /// attribute name, a heap block) from a length field of up to 2³¹ − 1 bytes before it checks the
    /// length against the file (it then fails with "The file is too small"), and Snn cannot bound
    /// that without patching PureHDF. When the runtime reuses freed memory for that buffer, zeroing
    /// it makes it resident. This cap is PureHDF's 2 GiB per-buffer ceiling plus a margin: it still
    /// catches memory that grows without bound.
    /// </summary>
    public const long PureHdfCap = 5L << 29;

    /// <summary>Reads <paramref name="input"/> with <paramref name="target"/>; returns what went wrong, or null.</summary>
    /// <param name="target">The reader.</param>
    /// <param name="input">The file's bytes.</param>
    /// <param name="directory">A folder for the temporary file.</param>
    public static string? Check(FuzzTarget target, byte[] input, string directory)
    {
        string path = Path.Combine(directory, $"input-{Environment.CurrentManagedThreadId}{target.Extension}");
        File.WriteAllBytes(path, input);
        var task = Task.Factory.StartNew(() => Measure(target, path), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!task.Wait(Timeout))
        {
            return $"no result within {Timeout.TotalSeconds} s";
        }
        var (error, allocated, resident) = task.Result;
        if (error is not null && !target.IsDocumented(error))
        {
            return $"undocumented {error.GetType().FullName}: {error.Message}";
        }
        if (allocated > target.AllocationCap)
        {
            return $"allocated {allocated} bytes, above the cap of {target.AllocationCap}";
        }
        return resident > target.AllocationCap ? $"raised the peak resident memory by {resident} bytes, above the cap of {target.AllocationCap}" : null;
    }

    /// <summary>
    /// Reads every seed and <paramref name="mutants"/> mutants of them (mutant i of seed i mod
    /// seeds, generator seeded by (<paramref name="seed"/>, i); for a format with a checksum, every
    /// other mutant is resealed so that it reaches the parser).
    /// </summary>
    /// <param name="target">The reader.</param>
    /// <param name="mutants">How many mutants to read.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="directory">A folder for the temporary files.</param>
    public static IReadOnlyList<FuzzFailure> Run(FuzzTarget target, int mutants, int seed, string directory)
    {
        var seeds = target.Seeds();
        var failures = new List<FuzzFailure>();
        for (int s = 0; s < seeds.Count; s++)
        {
            if (Check(target, seeds[s], directory) is { } problem)
            {
                failures.Add(new FuzzFailure(target.Name, -1 - s, "a valid seed fails: " + problem, seeds[s]));
            }
        }
        for (int i = 0; i < mutants; i++)
        {
            var random = new Random(StableSeed(seed, target.Name, i));
            var input = Mutator.Mutate(seeds[i % seeds.Count], random);
            if (target.Reseal is { } reseal && i % 2 == 1)
            {
                input = reseal(input);
            }
            if (Check(target, input, directory) is { } problem)
            {
                failures.Add(new FuzzFailure(target.Name, i, problem, input));
            }
        }
        return failures;
    }

    /// <summary>A generator seed from the run's seed, the target's name and the mutant (FNV-1a, the same in every process).</summary>
    private static int StableSeed(int seed, string name, int mutant)
    {
        uint hash = 2166136261;
        foreach (char c in $"{seed}/{name}/{mutant}")
        {
            hash = (hash ^ c) * 16777619;
        }
        return (int)(hash & int.MaxValue);
    }

    private static (Exception? Error, long Allocated, long Resident) Measure(FuzzTarget target, string path)
    {
        long? residentBefore = ResetPeakResident();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Exception? error = null;
        try
        {
            target.Read(path);
        }
        catch (Exception e)
        {
            error = e;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long resident = residentBefore is long start && Status("VmHWM:") is long peak ? peak - start : 0;
        return (error, allocated, resident);
    }

    /// <summary>Resets the peak resident memory to the current one (Linux); returns it, or null where that is not possible.</summary>
    private static long? ResetPeakResident()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return Status("VmRSS:");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A memory figure of /proc/self/status in bytes, or null.</summary>
    private static long? Status(string field)
    {
        if (!File.Exists("/proc/self/status"))
        {
            return null;
        }
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }
        return null;
    }
}
